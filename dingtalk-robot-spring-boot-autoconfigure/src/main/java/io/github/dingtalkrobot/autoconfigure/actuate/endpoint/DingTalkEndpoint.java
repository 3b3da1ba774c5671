package io.github.dingtalkrobot.autoconfigure.actuate.endpoint;

import java.time.Instant;
import java.util.List;

import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuota;
import io.github.dingtalkrobot.autoconfigure.DingTalkRobotProperties;
import io.github.dingtalkrobot.internal.webhook.RobotWebhook;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.util.StringUtils;

/**
 * {@link Endpoint @Endpoint} that lists the DingTalk robots: how each is configured, with
 * its access token masked and its secret left out, and what it is doing now. It never
 * sends a message.
 *
 * @since 0.1.0
 */
@Endpoint(id = "dingtalk")
public class DingTalkEndpoint {

	private final DingTalkRobots robots;

	private final DingTalkRobotProperties properties;

	private final @Nullable DingTalkQuota quota;

	/**
	 * Create an endpoint for the given robots.
	 * @param robots the robots
	 * @param properties the properties the robots were configured with
	 */
	public DingTalkEndpoint(DingTalkRobots robots, DingTalkRobotProperties properties) {
		this(robots, properties, null);
	}

	/**
	 * Create an endpoint for the given robots and the organization's API-call quota.
	 * @param robots the robots
	 * @param properties the properties the robots were configured with
	 * @param quota the quota, or {@code null} when calls are not counted
	 */
	public DingTalkEndpoint(DingTalkRobots robots, DingTalkRobotProperties properties, @Nullable DingTalkQuota quota) {
		this.robots = robots;
		this.properties = properties;
		this.quota = quota;
	}

	/**
	 * Describe every robot, by name.
	 * @return the robots
	 */
	@ReadOperation
	public RobotsDescriptor robots() {
		return new RobotsDescriptor(this.robots.names().stream().sorted().map(this::describe).toList(),
				(this.quota != null) ? new QuotaDescriptor(this.quota.month().toString(), this.quota.used(),
						this.quota.monthlyCalls(), this.quota.warnAtPercent()) : null);
	}

	/**
	 * Describe one robot.
	 * @param name the name of the robot
	 * @return the robot, or {@code null} if there is none of that name
	 */
	@ReadOperation
	public @Nullable RobotDescriptor robot(@Selector String name) {
		return this.robots.find(name).isPresent() ? describe(name) : null;
	}

	private RobotDescriptor describe(String name) {
		RobotState state = this.robots.get(name).state();
		// Null when the application built the registry itself, from other sources
		DingTalkRobotProperties.@Nullable Robot robot = this.properties.getRobots().get(name);
		if (robot == null) {
			return new RobotDescriptor(name, null, null, null, null,
					new RateLimitDescriptor(null, null, state.slotsUsed(), state.pausedUntil()), state.queueDepth(),
					state.lastSuccess(), lastFailure(state));
		}
		RateLimit rateLimit = this.properties.determineRateLimit(name);
		return new RobotDescriptor(
				name, webhook(robot), StringUtils.hasText(robot.getSecret()), robot.getKeywords().size(),
				this.properties.determineEnabled(name), new RateLimitDescriptor(rateLimit.messages(),
						rateLimit.window().toString(), state.slotsUsed(), state.pausedUntil()),
				state.queueDepth(), state.lastSuccess(), lastFailure(state));
	}

	private @Nullable String webhook(DingTalkRobotProperties.Robot robot) {
		if (StringUtils.hasText(robot.getWebhook())) {
			return RobotWebhook.of(robot.getWebhook().strip()).redacted();
		}
		if (StringUtils.hasText(robot.getAccessToken())) {
			String baseUrl = this.properties.getBaseUrl();
			return RobotWebhook.of((baseUrl != null) ? baseUrl : RobotWebhook.DEFAULT_BASE_URL, robot.getAccessToken())
				.redacted();
		}
		return null;
	}

	private static @Nullable FailureDescriptor lastFailure(RobotState state) {
		Instant time = state.lastFailure();
		return (time != null) ? new FailureDescriptor(time, state.lastFailureErrcode()) : null;
	}

	/**
	 * The robots, ordered by name, and the organization's API-call quota.
	 *
	 * @param robots the robots
	 * @param quota the quota, or {@code null} when calls are not counted
	 */
	public record RobotsDescriptor(List<RobotDescriptor> robots, @Nullable QuotaDescriptor quota) {

	}

	/**
	 * The organization's monthly API-call quota and how much of it the robots used.
	 *
	 * @param month the current month in China's time zone, such as {@code 2025-11}
	 * @param used the calls the robots made this month
	 * @param monthlyCalls the calls allowed per month
	 * @param warnAtPercent the share of the quota at which a warning is logged
	 */
	public record QuotaDescriptor(String month, long used, long monthlyCalls, int warnAtPercent) {

	}

	/**
	 * One robot.
	 *
	 * @param name the name of the robot
	 * @param webhook the webhook it sends to, with its access token masked, or
	 * {@code null} when unknown
	 * @param signed whether its requests are signed with a secret, or {@code null} when
	 * unknown
	 * @param keywords how many keywords it makes sure each message contains, or
	 * {@code null} when unknown
	 * @param enabled whether it sends at all, or {@code null} when unknown
	 * @param rateLimit its rate limit and how much of it is used
	 * @param queueDepth how many messages given to {@code sendAsync} wait or are in
	 * flight
	 * @param lastSuccess when DingTalk last accepted one of its messages, or {@code null}
	 * @param lastFailure when it last gave up on a message, or {@code null}
	 */
	public record RobotDescriptor(String name, @Nullable String webhook, @Nullable Boolean signed,
			@Nullable Integer keywords, @Nullable Boolean enabled, RateLimitDescriptor rateLimit, int queueDepth,
			@Nullable Instant lastSuccess, @Nullable FailureDescriptor lastFailure) {

	}

	/**
	 * A robot's rate limit.
	 *
	 * @param messages how many messages it may send per window, or {@code null} when
	 * unknown
	 * @param window the length of the window, as an ISO-8601 duration, or {@code null}
	 * when unknown
	 * @param used how many messages count against the current window
	 * @param pausedUntil until when it sends nothing because DingTalk throttled it, or
	 * {@code null} when it is not paused
	 */
	public record RateLimitDescriptor(@Nullable Integer messages, @Nullable String window, int used,
			@Nullable Instant pausedUntil) {

	}

	/**
	 * The last message a robot gave up on.
	 *
	 * @param time when it gave up
	 * @param errcode DingTalk's {@code errcode}, or {@code null} when DingTalk gave none
	 */
	public record FailureDescriptor(Instant time, @Nullable Integer errcode) {

	}

}
