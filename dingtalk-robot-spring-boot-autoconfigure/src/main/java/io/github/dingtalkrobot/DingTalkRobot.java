package io.github.dingtalkrobot;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * A DingTalk group robot: sends messages to the group through the robot's webhook, within
 * DingTalk's limits. {@link #send(Message)} and {@link #sendAsync(Message)} share one
 * {@link RateLimit rate limit}, so the robot never sends more than DingTalk accepts, and
 * both retry transient failures. Implementations are thread-safe.
 * <p>
 * {@link #close() Close} a robot when done with it, so that the messages it still holds
 * are delivered; robots of the auto-configuration are closed with the application
 * context.
 *
 * @since 0.1.0
 * @see #builder(String)
 */
public interface DingTalkRobot extends AutoCloseable {

	/**
	 * Return the robot's name.
	 * @return the name
	 */
	String name();

	/**
	 * Send a message.
	 * @param message the message to send
	 * @return DingTalk's answer, whose {@code errcode} is always {@code 0}
	 * @throws DingTalkApiException if DingTalk refused the message
	 * @throws DingTalkTransportException if DingTalk could not be reached or did not
	 * answer as expected
	 * @throws DingTalkMessageTooLargeException if the message is too large to send
	 */
	DingTalkResponse send(Message message);

	/**
	 * Queue a message and return at once. The robot's dispatcher thread sends queued
	 * messages in order, as fast as the rate limit allows; while messages wait,
	 * consecutive text and Markdown messages are merged into one Markdown message (unless
	 * {@link DeliverySettings#coalesce() coalescing} is off). When DingTalk throttles the
	 * robot, the queue waits out the pause instead of failing. Cancelling the future does
	 * not withdraw the message.
	 * @param message the message to send
	 * @return a future completed with DingTalk's answer to the message that carried this
	 * one, or completed exceptionally with a {@link DingTalkException}: a
	 * {@link DingTalkQueueFullException} at once when the robot's queue is full, a
	 * {@link DingTalkRobotClosedException} when the robot was closed before it could
	 * deliver the message, or the failure that made the robot give up on it
	 */
	CompletableFuture<DingTalkResponse> sendAsync(Message message);

	/**
	 * Send a plain text message.
	 * @param content the text to send
	 * @return DingTalk's answer, whose {@code errcode} is always {@code 0}
	 * @see #send(Message)
	 */
	default DingTalkResponse sendText(String content) {
		return send(Message.text(content));
	}

	/**
	 * Send a Markdown message.
	 * @param title the title shown in the conversation list and notifications
	 * @param text the Markdown body
	 * @return DingTalk's answer, whose {@code errcode} is always {@code 0}
	 * @see #send(Message)
	 */
	default DingTalkResponse sendMarkdown(String title, String text) {
		return send(Message.markdown(title, text));
	}

	/**
	 * Return what the robot is doing now: its queue, its rate limit and its last
	 * outcomes.
	 * @return a snapshot of the robot's state
	 */
	RobotState state();

	/**
	 * Close the robot: it takes no more messages, delivers what it holds within its
	 * {@link DeliverySettings#shutdownTimeout() shutdown timeout}, then gives up on the
	 * rest, failing their futures and logging each at ERROR level. Closing a closed robot
	 * does nothing.
	 */
	@Override
	void close();

	/**
	 * Start building a robot.
	 * @param name the robot's name
	 * @return a builder
	 */
	static Builder builder(String name) {
		return new DefaultDingTalkRobotBuilder(name);
	}

	/**
	 * Builds a {@link DingTalkRobot}. Set exactly one of {@link #webhook(String)},
	 * {@link #accessToken(String)} and {@link #app}.
	 */
	interface Builder {

		/**
		 * Set the webhook URL copied from DingTalk, including its {@code access_token}.
		 * @param webhook the webhook URL
		 * @return this builder
		 */
		Builder webhook(String webhook);

		/**
		 * Set the robot's access token, used with the {@link #baseUrl(String) base URL}.
		 * @param accessToken the access token
		 * @return this builder
		 */
		Builder accessToken(String accessToken);

		/**
		 * Set the URL that an {@link #accessToken(String) access token} is sent to;
		 * {@code https://oapi.dingtalk.com/robot/send} unless set.
		 * @param baseUrl the base URL
		 * @return this builder
		 */
		Builder baseUrl(String baseUrl);

		/**
		 * Make the robot an {@link DingTalkAppRobot app robot}, which sends through
		 * DingTalk's OpenAPI with the credentials of an enterprise-internal app, instead
		 * of a {@link #webhook(String) webhook}.
		 * @param clientId the app's client id (AppKey)
		 * @param clientSecret the app's client secret (AppSecret)
		 * @param robotCode the robot's code
		 * @param conversationId the {@code openConversationId} of the group that
		 * {@code send} posts to, or {@code null} for a robot that only sends to people
		 * one by one
		 * @return this builder
		 * @see #buildApp()
		 */
		Builder app(String clientId, String clientSecret, String robotCode, @Nullable String conversationId);

		/**
		 * Set the base URL of DingTalk's OpenAPI, used by {@link #app app robots};
		 * {@code https://api.dingtalk.com} unless set.
		 * @param openApiBaseUrl the base URL
		 * @return this builder
		 */
		Builder openApiBaseUrl(String openApiBaseUrl);

		/**
		 * Set the signing secret ({@code SEC...}); when set, every request is signed.
		 * @param secret the secret, or {@code null} for an unsigned robot
		 * @return this builder
		 */
		Builder secret(@Nullable String secret);

		/**
		 * Set the robot's keywords: a message that contains none of them gets the first
		 * one added.
		 * @param keywords the keywords
		 * @return this builder
		 */
		Builder keywords(String... keywords);

		/**
		 * Set the robot's keywords: a message that contains none of them gets the first
		 * one added.
		 * @param keywords the keywords
		 * @return this builder
		 */
		Builder keywords(Collection<String> keywords);

		/**
		 * Set the builder for the robot's HTTP client. The robot works on a
		 * {@link RestClient.Builder#clone() clone}, so the given builder is left as it
		 * is, and keeps its request factory. Without one, the robot sends through its own
		 * HTTP/1.1 transport.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		Builder restClientBuilder(RestClient.Builder restClientBuilder);

		/**
		 * Set the clock that signatures are timestamped with and that the rate limit,
		 * pauses and retry backoffs are timed by.
		 * @param clock the clock
		 * @return this builder
		 */
		Builder clock(Clock clock);

		/**
		 * Set the connect timeout: 5 seconds by default on the robot's own transport.
		 * With a {@link #restClientBuilder(RestClient.Builder) builder}, a timeout set
		 * makes the robot use the JDK {@code HttpClient} rather than the builder's
		 * request factory.
		 * @param connectTimeout the timeout, or {@code null} for the default or the
		 * builder's
		 * @return this builder
		 */
		Builder connectTimeout(@Nullable Duration connectTimeout);

		/**
		 * Set the read timeout: 10 seconds by default on the robot's own transport. With
		 * a {@link #restClientBuilder(RestClient.Builder) builder}, a timeout set makes
		 * the robot use the JDK {@code HttpClient} rather than the builder's request
		 * factory.
		 * @param readTimeout the timeout, or {@code null} for the default or the
		 * builder's
		 * @return this builder
		 */
		Builder readTimeout(@Nullable Duration readTimeout);

		/**
		 * Set the HTTP proxy that the robot sends through, such as a proxy with a fixed
		 * address for DingTalk's IP allowlist. With a
		 * {@link #restClientBuilder(RestClient.Builder) builder}, a proxy set makes the
		 * robot use the JDK {@code HttpClient} rather than the builder's request factory.
		 * @param proxy the proxy as {@code http://host:port}, or {@code null} to connect
		 * directly
		 * @return this builder
		 */
		Builder proxy(@Nullable URI proxy);

		/**
		 * Set whether the robot sends messages; a disabled robot logs each message at
		 * INFO level instead and answers as if DingTalk had accepted it.
		 * @param enabled whether to send messages
		 * @return this builder
		 */
		Builder enabled(boolean enabled);

		/**
		 * Set the robot's rate limit; {@link RateLimit#defaults() DingTalk's} unless set.
		 * @param rateLimit the rate limit
		 * @return this builder
		 */
		Builder rateLimit(RateLimit rateLimit);

		/**
		 * Set how the robot delivers queued messages; {@link DeliverySettings#defaults()}
		 * unless set.
		 * @param delivery the delivery settings
		 * @return this builder
		 */
		Builder delivery(DeliverySettings delivery);

		/**
		 * Set the listeners to tell about the robot's deliveries, replacing any set
		 * before.
		 * @param listeners the listeners
		 * @return this builder
		 */
		Builder listeners(DingTalkRobotListener... listeners);

		/**
		 * Set the listeners to tell about the robot's deliveries, replacing any set
		 * before.
		 * @param listeners the listeners
		 * @return this builder
		 */
		Builder listeners(Collection<? extends DingTalkRobotListener> listeners);

		/**
		 * Build the robot.
		 * @return the robot
		 * @throws IllegalArgumentException if the configuration is invalid
		 */
		DingTalkRobot build();

		/**
		 * Build an app robot, which can also send to people one by one.
		 * @return the robot
		 * @throws IllegalArgumentException if the configuration is invalid
		 * @throws IllegalStateException if {@link #app} was not set
		 */
		DingTalkAppRobot buildApp();

	}

}
