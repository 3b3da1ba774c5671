package io.github.dingtalkrobot.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code README.zh-CN.md} in step with {@code README.md}: the same sections, the
 * same properties, the same error codes and the same code examples.
 */
class ReadmeTranslationTests {

	private static final Pattern PROPERTY = Pattern
		.compile("(?:dingtalk|management)\\.[a-z0-9.\\-<>*\\[\\]]*[a-z0-9>*\\]]");

	private static final Pattern ERRCODE = Pattern.compile("`(-?\\d{1,6})`");

	private final Readme english = Readme.read("README.md");

	private final Readme chinese = Readme.read("README.zh-CN.md");

	@Test
	void eachLinksToTheOtherAtTheTop() {
		assertThat(this.english.top()).contains("](README.zh-CN.md)");
		assertThat(this.chinese.top()).contains("](README.md)");
	}

	@Test
	void sectionsAreTheSame() {
		assertThat(this.chinese.headingLevels()).as("heading levels, in order").isEqualTo(this.english.headingLevels());
	}

	@Test
	void propertiesAreTheSame() {
		assertThat(this.chinese.matches(PROPERTY)).isEqualTo(this.english.matches(PROPERTY));
	}

	@Test
	void errorCodesAreTheSame() {
		assertThat(this.chinese.matches(ERRCODE)).isEqualTo(this.english.matches(ERRCODE));
	}

	@Test
	void codeExamplesAreTheSameInNumber() {
		assertThat(this.chinese.codeBlocks()).hasSameSizeAs(this.english.codeBlocks());
	}

	private record Readme(String text, String prose, List<String> codeBlocks) {

		static Readme read(String name) {
			Path path = Path.of("..", name);
			try {
				String text = Files.readString(path, StandardCharsets.UTF_8);
				List<String> codeBlocks = new ArrayList<>();
				StringBuilder prose = new StringBuilder();
				StringBuilder block = null;
				for (String line : text.split("\n", -1)) {
					if (line.startsWith("```")) {
						if (block == null) {
							block = new StringBuilder();
						}
						else {
							codeBlocks.add(block.toString());
							block = null;
						}
					}
					else if (block != null) {
						block.append(line).append('\n');
					}
					else {
						prose.append(line).append('\n');
					}
				}
				return new Readme(text, prose.toString(), codeBlocks);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read " + path.toAbsolutePath(), ex);
			}
		}

		String top() {
			return this.text.lines().limit(5).reduce("", (a, b) -> a + b + "\n");
		}

		List<Integer> headingLevels() {
			return this.prose.lines()
				.filter((line) -> line.matches("#{1,6} .*"))
				.map((line) -> line.indexOf(' '))
				.toList();
		}

		Set<String> matches(Pattern pattern) {
			Set<String> found = new TreeSet<>();
			Matcher matcher = pattern.matcher(this.text);
			while (matcher.find()) {
				found.add((matcher.groupCount() > 0) ? matcher.group(1) : matcher.group());
			}
			return found;
		}

	}

}
