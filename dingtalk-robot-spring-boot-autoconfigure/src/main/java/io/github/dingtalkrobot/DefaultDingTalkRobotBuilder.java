package io.github.dingtalkrobot;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * Default {@link DingTalkRobot.Builder}.
 */
final class DefaultDingTalkRobotBuilder implements DingTalkRobot.Builder {

	private final String name;

	private @Nullable String webhook;

	private @Nullable String accessToken;

	private String baseUrl = "https://oapi.dingtalk.com/robot/send";

	private @Nullable String secret;

	private List<String> keywords = List.of();

	private RestClient.Builder restClientBuilder = RestClient.builder();

	private Clock clock = Clock.systemUTC();

	private @Nullable Duration connectTimeout;

	private @Nullable Duration readTimeout;

	private boolean enabled = true;

	DefaultDingTalkRobotBuilder(String name) {
		this.name = name;
	}

	@Override
	public DingTalkRobot.Builder webhook(String webhook) {
		this.webhook = webhook;
		return this;
	}

	@Override
	public DingTalkRobot.Builder accessToken(String accessToken) {
		this.accessToken = accessToken;
		return this;
	}

	@Override
	public DingTalkRobot.Builder baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	@Override
	public DingTalkRobot.Builder secret(@Nullable String secret) {
		this.secret = secret;
		return this;
	}

	@Override
	public DingTalkRobot.Builder keywords(String... keywords) {
		return keywords(Arrays.asList(keywords));
	}

	@Override
	public DingTalkRobot.Builder keywords(Collection<String> keywords) {
		this.keywords = List.copyOf(keywords);
		return this;
	}

	@Override
	public DingTalkRobot.Builder restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = restClientBuilder;
		return this;
	}

	@Override
	public DingTalkRobot.Builder clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	@Override
	public DingTalkRobot.Builder connectTimeout(@Nullable Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
		return this;
	}

	@Override
	public DingTalkRobot.Builder readTimeout(@Nullable Duration readTimeout) {
		this.readTimeout = readTimeout;
		return this;
	}

	@Override
	public DingTalkRobot.Builder enabled(boolean enabled) {
		this.enabled = enabled;
		return this;
	}

	@Override
	public DingTalkRobot build() {
		String robotName = this.name;
		return new DingTalkRobot() {

			@Override
			public String name() {
				return robotName;
			}

			@Override
			public DingTalkResponse send(Message message) {
				throw new UnsupportedOperationException("Sending is not implemented yet");
			}

		};
	}

}
