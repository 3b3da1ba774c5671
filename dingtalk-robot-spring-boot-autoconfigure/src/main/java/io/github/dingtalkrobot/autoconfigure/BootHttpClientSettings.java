package io.github.dingtalkrobot.autoconfigure;

import java.util.List;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.Environment;

/**
 * Tells whether the application configures Spring Boot's HTTP client, in which case the
 * robots send through it rather than through their own transport.
 */
final class BootHttpClientSettings {

	// Spring Boot 4, then Spring Boot 3.5
	private static final List<ConfigurationPropertyName> PREFIXES = List
		.of(ConfigurationPropertyName.of("spring.http.clients"), ConfigurationPropertyName.of("spring.http.client"));

	private BootHttpClientSettings() {
	}

	/**
	 * Return whether any {@code spring.http.clients.*} (Spring Boot 4) or
	 * {@code spring.http.client.*} (Spring Boot 3.5) property is set.
	 * @param environment the application's environment
	 * @return whether Spring Boot's HTTP client is configured
	 */
	static boolean isConfigured(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			for (ConfigurationPropertyName prefix : PREFIXES) {
				if (source.containsDescendantOf(prefix) == ConfigurationPropertyState.PRESENT) {
					return true;
				}
			}
		}
		return false;
	}

}
