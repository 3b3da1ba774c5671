package io.github.dingtalkrobot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Explains a failed startup of a Spring Boot 3 application that got Spring Boot 4 modules
 * through {@code dingtalk-robot-spring-boot-starter}, the starter for Spring Boot 4. The
 * failure itself is usually some unrelated bean of Boot's own, so the mixed lines are
 * reported whatever failed.
 */
class MixedSpringBootLinesFailureAnalyzer implements FailureAnalyzer, Ordered {

	// A class of spring-boot-restclient, the Boot 4 module that the Boot 4 starter brings
	private static final String BOOT_4_MODULE_CLASS = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration";

	private final @Nullable String bootVersion;

	private final boolean bootFourModulesPresent;

	MixedSpringBootLinesFailureAnalyzer() {
		this(SpringBootVersion.getVersion(),
				ClassUtils.isPresent(BOOT_4_MODULE_CLASS, MixedSpringBootLinesFailureAnalyzer.class.getClassLoader()));
	}

	MixedSpringBootLinesFailureAnalyzer(@Nullable String bootVersion, boolean bootFourModulesPresent) {
		this.bootVersion = bootVersion;
		this.bootFourModulesPresent = bootFourModulesPresent;
	}

	@Override
	public @Nullable FailureAnalysis analyze(Throwable failure) {
		if (this.bootVersion == null || !this.bootVersion.startsWith("3.") || !this.bootFourModulesPresent) {
			return null;
		}
		String description = "The application runs Spring Boot " + this.bootVersion
				+ " but has Spring Boot 4 modules on its class path, such as spring-boot-restclient. They usually "
				+ "come from dingtalk-robot-spring-boot-starter, the DingTalk robot starter for Spring Boot 4, and "
				+ "make Spring Boot 3 fail to start. The failure was: " + failure;
		String action = "Replace the dependency io.github.dingtalkrobot:dingtalk-robot-spring-boot-starter with "
				+ "io.github.dingtalkrobot:dingtalk-robot-spring-boot3-starter, the DingTalk robot starter for "
				+ "Spring Boot 3.5, or upgrade the application to Spring Boot 4.";
		return new FailureAnalysis(description, action, failure);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
