package io.github.dingtalkrobot;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

import org.springframework.web.client.RestClient;

/**
 * A DingTalk group robot: sends messages to the group through the robot's webhook.
 * Implementations are thread-safe.
 *
 * @since 0.1.0
 * @see #builder(String)
 */
public interface DingTalkRobot {

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
	 * Start building a robot.
	 * @param name the robot's name
	 * @return a builder
	 */
	static Builder builder(String name) {
		return new DefaultDingTalkRobotBuilder(name);
	}

	/**
	 * Builds a {@link DingTalkRobot}. Set exactly one of {@link #webhook(String)} and
	 * {@link #accessToken(String)}.
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
		 * is.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		Builder restClientBuilder(RestClient.Builder restClientBuilder);

		/**
		 * Set the clock that signatures are timestamped with.
		 * @param clock the clock
		 * @return this builder
		 */
		Builder clock(Clock clock);

		/**
		 * Set the connect timeout. When a timeout is set, the robot uses the JDK
		 * {@code HttpClient} rather than the request factory of the
		 * {@link #restClientBuilder(RestClient.Builder) builder}.
		 * @param connectTimeout the timeout, or {@code null} to keep the builder's
		 * @return this builder
		 */
		Builder connectTimeout(@Nullable Duration connectTimeout);

		/**
		 * Set the read timeout. When a timeout is set, the robot uses the JDK
		 * {@code HttpClient} rather than the request factory of the
		 * {@link #restClientBuilder(RestClient.Builder) builder}.
		 * @param readTimeout the timeout, or {@code null} to keep the builder's
		 * @return this builder
		 */
		Builder readTimeout(@Nullable Duration readTimeout);

		/**
		 * Set whether the robot sends messages; a disabled robot logs each message at
		 * INFO level instead and answers as if DingTalk had accepted it.
		 * @param enabled whether to send messages
		 * @return this builder
		 */
		Builder enabled(boolean enabled);

		/**
		 * Build the robot.
		 * @return the robot
		 * @throws IllegalArgumentException if the configuration is invalid
		 */
		DingTalkRobot build();

	}

}
