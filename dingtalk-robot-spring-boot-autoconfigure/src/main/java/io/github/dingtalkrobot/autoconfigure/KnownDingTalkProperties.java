package io.github.dingtalkrobot.autoconfigure;

import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ConcurrentReferenceHashMap;

/**
 * The {@code dingtalk.*} properties that some part of the application binds, read from
 * the configuration metadata of every jar on the class path, so that properties that
 * other modules add are known too. A map of objects, such as {@code dingtalk.robots},
 * takes the properties of its value type under any key.
 */
final class KnownDingTalkProperties {

	private static final String[] METADATA = { "META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json" };

	private static final String PREFIX = DingTalkRobotProperties.PREFIX + ".";

	private static final String ANY_KEY = "*";

	// Beyond this edit distance a suggestion would be a guess
	private static final int MAX_DISTANCE = 4;

	// Read once per class loader: every application context starting in it checks
	private static final Map<ClassLoader, KnownDingTalkProperties> cache = new ConcurrentReferenceHashMap<>();

	private static final KnownDingTalkProperties ROBOTS = robotsOf(DingTalkRobotProperties.Robot.class);

	private final List<Template> templates = new ArrayList<>();

	private final ClassLoader classLoader;

	private KnownDingTalkProperties(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * Read the known properties from the metadata on the class path.
	 * @param classLoader the class loader to read metadata and value types with
	 * @return the known properties
	 */
	static KnownDingTalkProperties load(ClassLoader classLoader) {
		return cache.computeIfAbsent(classLoader, KnownDingTalkProperties::read);
	}

	/**
	 * The properties of the robots under {@code dingtalk.robots}, from the robot's
	 * properties type alone: what {@link #load} derives for them from this module's
	 * metadata ({@code dingtalk.robots} is a map of that type), known without reading and
	 * parsing the metadata of every jar, which costs a robot's startup more than anything
	 * else it does.
	 * @return the properties of the robots
	 */
	static KnownDingTalkProperties robots() {
		return ROBOTS;
	}

	private static KnownDingTalkProperties robotsOf(Class<?> robotType) {
		KnownDingTalkProperties robots = new KnownDingTalkProperties(robotType.getClassLoader());
		robots.addType(List.of(DingTalkRobotProperties.PREFIX, "robots", ANY_KEY), ResolvableType.forClass(robotType));
		return robots;
	}

	private static KnownDingTalkProperties read(ClassLoader classLoader) {
		KnownDingTalkProperties known = new KnownDingTalkProperties(classLoader);
		for (String location : METADATA) {
			try {
				for (URL url : Collections.list(classLoader.getResources(location))) {
					known.addMetadata(url);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return known;
	}

	private void addMetadata(URL url) throws IOException {
		String json;
		try (InputStream input = url.openStream()) {
			json = new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		if (!json.contains("\"" + PREFIX)) {
			return;
		}
		Object properties = JsonParserFactory.getJsonParser().parseMap(json).get("properties");
		if (properties instanceof List<?> list) {
			for (Object property : list) {
				if (property instanceof Map<?, ?> map && map.get("name") instanceof String name
						&& name.startsWith(PREFIX)) {
					addProperty(List.of(name.split("\\.")), (map.get("type") instanceof String type) ? type : null);
				}
			}
		}
	}

	private void addProperty(List<String> elements, @Nullable String type) {
		if (type == null) {
			this.templates.add(new Template(elements, Kind.LEAF));
		}
		else if (type.startsWith("java.util.Map<")) {
			String valueType = type.substring(type.indexOf(',') + 1, type.length() - 1).strip();
			if (valueType.contains("<") || !ClassUtils.isPresent(valueType, this.classLoader)) {
				this.templates.add(new Template(elements, Kind.OPEN));
			}
			else {
				Class<?> valueClass = ClassUtils.resolveClassName(valueType, this.classLoader);
				addType(append(elements, ANY_KEY), ResolvableType.forClass(valueClass));
			}
		}
		else if (type.startsWith("java.util.List<") || type.startsWith("java.util.Set<") || type.endsWith("[]")) {
			this.templates.add(new Template(elements, Kind.INDEXED));
		}
		else {
			this.templates.add(new Template(elements, Kind.LEAF));
		}
	}

	private void addType(List<String> elements, ResolvableType resolvable) {
		Class<?> type = resolvable.toClass();
		if (Map.class.isAssignableFrom(type)) {
			this.templates.add(new Template(elements, Kind.OPEN));
		}
		else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			this.templates.add(new Template(elements, Kind.INDEXED));
		}
		else if (isBean(type)) {
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
				Method getter = property.getReadMethod();
				if (getter != null && !property.getName().equals("class")) {
					addType(append(elements, kebab(property.getName())), ResolvableType.forMethodReturnType(getter));
				}
			}
		}
		else {
			this.templates.add(new Template(elements, Kind.LEAF));
		}
	}

	private static boolean isBean(Class<?> type) {
		return !type.isPrimitive() && !type.isEnum() && !type.getName().startsWith("java.");
	}

	private static List<String> append(List<String> elements, String element) {
		List<String> appended = new ArrayList<>(elements);
		appended.add(element);
		return appended;
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	/**
	 * Return whether a property is known, in any of the forms that relaxed binding
	 * accepts.
	 * @param name the property
	 * @return whether some part of the application binds it
	 */
	boolean isKnown(ConfigurationPropertyName name) {
		return this.templates.stream().anyMatch((template) -> template.matches(name));
	}

	/**
	 * Return the known property closest to an unknown one.
	 * @param name the unknown property
	 * @return the closest known property, or {@code null} when none is close
	 */
	@Nullable String closest(ConfigurationPropertyName name) {
		String given = name.toString();
		String closest = null;
		int closestDistance = MAX_DISTANCE + 1;
		for (Template template : this.templates) {
			String candidate = template.instantiate(name);
			if (candidate != null) {
				int distance = distance(given, candidate);
				if (distance < closestDistance) {
					closest = candidate;
					closestDistance = distance;
				}
			}
		}
		return closest;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private enum Kind {

		/**
		 * A single value.
		 */
		LEAF,

		/**
		 * A list: the property itself or any index of it.
		 */
		INDEXED,

		/**
		 * A map of values: any key below the property.
		 */
		OPEN

	}

	private record Template(List<String> elements, Kind kind) {

		boolean matches(ConfigurationPropertyName name) {
			int size = this.elements.size();
			if (name.getNumberOfElements() < size || !prefixMatches(name)) {
				return false;
			}
			return switch (this.kind) {
				case LEAF -> name.getNumberOfElements() == size;
				case INDEXED -> name.getNumberOfElements() == size
						|| (name.getNumberOfElements() == size + 1 && name.isNumericIndex(size));
				case OPEN -> true;
			};
		}

		private boolean prefixMatches(ConfigurationPropertyName name) {
			for (int i = 0; i < this.elements.size(); i++) {
				String element = this.elements.get(i);
				if (!element.equals(ANY_KEY) && !uniform(element).equals(name.getElement(i, Form.UNIFORM))) {
					return false;
				}
			}
			return true;
		}

		// The template with its keys taken from the given name, as dashed properties
		@Nullable String instantiate(ConfigurationPropertyName name) {
			if (name.getNumberOfElements() < this.elements.size()) {
				return null;
			}
			List<String> instantiated = new ArrayList<>();
			for (int i = 0; i < this.elements.size(); i++) {
				String element = this.elements.get(i);
				instantiated.add(element.equals(ANY_KEY) ? name.getElement(i, Form.DASHED) : element);
			}
			return String.join(".", instantiated);
		}

		private static String uniform(String element) {
			return element.replace("-", "").toLowerCase(Locale.ROOT);
		}

	}

}
