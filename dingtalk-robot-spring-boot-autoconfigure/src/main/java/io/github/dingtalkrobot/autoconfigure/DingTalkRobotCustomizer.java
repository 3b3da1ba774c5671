package io.github.dingtalkrobot.autoconfigure;

import org.springframework.web.client.RestClient;

/**
 * Callback that adjusts the HTTP client of one robot before the robot is built: a proxy,
 * a header, an interceptor. Every {@code DingTalkRobotCustomizer} bean is called once for
 * each configured robot, in {@link org.springframework.core.annotation.Order order}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DingTalkRobotCustomizer {

	/**
	 * Customize the {@link RestClient.Builder} of the named robot. The builder is the
	 * robot's own copy.
	 * @param robotName the name of the robot, as configured under {@code dingtalk.robots}
	 * @param builder the robot's builder
	 */
	void customize(String robotName, RestClient.Builder builder);

}
