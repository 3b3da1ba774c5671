package io.github.dingtalkrobot.autoconfigure;

import java.util.Comparator;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Stops startup when a property under {@code dingtalk.*} is not one that the application
 * binds, such as a misspelled {@code dingtalk.robots.ops.secert}, which would otherwise
 * be ignored: the report names the property and the closest known one, never the value.
 * Environment variables are checked only under {@code dingtalk.robots} and
 * {@code dingtalk.defaults}, since variables such as {@code DINGTALK_OPS_TOKEN} are often
 * set only to be referenced from a property.
 */
class UnknownDingTalkPropertiesCheck implements BeanFactoryPostProcessor {

	private static final ConfigurationPropertyName DINGTALK = ConfigurationPropertyName
		.of(DingTalkRobotProperties.PREFIX);

	private static final ConfigurationPropertyName ROBOTS = DINGTALK.append("robots");

	private static final ConfigurationPropertyName DEFAULTS = DINGTALK.append("defaults");

	private final Environment environment;

	UnknownDingTalkPropertiesCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		findUnknown(classLoader).ifPresent((unknown) -> {
			throw unknown;
		});
	}

	private Optional<InvalidDingTalkRobotPropertiesException> findUnknown(@Nullable ClassLoader beanClassLoader) {
		ClassLoader classLoader = (beanClassLoader != null) ? beanClassLoader : getClass().getClassLoader();
		KnownDingTalkProperties robots = KnownDingTalkProperties.robots();
		KnownDingTalkProperties known = null;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				boolean environmentVariables = source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource;
				ConfigurationPropertyName[] candidates = iterable.stream()
					.filter((name) -> environmentVariables ? ROBOTS.isAncestorOf(name) || DEFAULTS.isAncestorOf(name)
							: DINGTALK.isAncestorOf(name))
					.filter((name) -> !robots.isKnown(name))
					.sorted(Comparator.comparing(ConfigurationPropertyName::toString))
					.toArray(ConfigurationPropertyName[]::new);
				// Only a property that is not a robot's reads the metadata of every jar
				if (candidates.length > 0 && known == null) {
					known = KnownDingTalkProperties.load(classLoader);
				}
				for (ConfigurationPropertyName name : candidates) {
					if (!known.isKnown(name)) {
						return Optional.of(unknown(name, known.closest(name)));
					}
				}
			}
		}
		return Optional.empty();
	}

	private static InvalidDingTalkRobotPropertiesException unknown(ConfigurationPropertyName name,
			@Nullable String closest) {
		String action = (closest != null) ? "Did you mean '" + closest + "'? Correct the property's name, or remove it."
				: "Remove it, or correct its name: the DingTalk properties are listed in the README and in your "
						+ "IDE's completion.";
		return new InvalidDingTalkRobotPropertiesException(name.toString(),
				"is not a DingTalk property, so it would be ignored.", action);
	}

}
