package io.github.dingtalkrobot.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MixedSpringBootLinesFailureAnalyzer}.
 */
class MixedSpringBootLinesFailureAnalyzerTests {

	private final IllegalStateException failure = new IllegalStateException(
			"Error creating bean with name 'jsonComponentModule'");

	@Test
	void bootThreeWithBootFourModulesNamesDingTalkAndTheFix() {
		FailureAnalysis analysis = new MixedSpringBootLinesFailureAnalyzer("3.5.7", true).analyze(this.failure);
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("Spring Boot 3.5.7")
			.contains("dingtalk-robot-spring-boot-starter")
			.contains("jsonComponentModule");
		assertThat(analysis.getAction()).contains("io.github.dingtalkrobot:dingtalk-robot-spring-boot3-starter");
		assertThat(analysis.getCause()).isSameAs(this.failure);
	}

	@Test
	void bootFourIsNotReported() {
		assertThat(new MixedSpringBootLinesFailureAnalyzer("4.0.7", true).analyze(this.failure)).isNull();
	}

	@Test
	void bootThreeWithoutBootFourModulesIsNotReported() {
		assertThat(new MixedSpringBootLinesFailureAnalyzer("3.5.7", false).analyze(this.failure)).isNull();
	}

	@Test
	void classPathOfTheBuildIsOneLine() {
		// Boot 4 with its modules, or Boot 3.5 without them: the two lines this build
		// tests
		assertThat(new MixedSpringBootLinesFailureAnalyzer().analyze(this.failure)).isNull();
	}

}
