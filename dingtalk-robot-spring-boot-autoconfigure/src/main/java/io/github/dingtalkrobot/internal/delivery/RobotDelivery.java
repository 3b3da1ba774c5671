package io.github.dingtalkrobot.internal.delivery;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RobotState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkStoreUnavailableException;
import io.github.dingtalkrobot.message.Message;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.internal.webhook.WebhookClient;

/**
 * Delivers the messages of one robot within DingTalk's limits: the rate limit that
 * {@code send} and {@code sendAsync} share, the pause after DingTalk throttled the robot,
 * retries, and the queue that a dispatcher thread, started on the first
 * {@code sendAsync}, drains. Internal: public only so that
 * {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
public final class RobotDelivery {

	// What DingTalk answers a robot that sends too fast, reused for the robot's own limit
	private static final int SEND_TOO_FAST = 130101;

	private final String robotName;

	private final Clock clock;

	private final RateLimit rateLimit;

	private final DeliverySettings settings;

	private final SlotStore limiter;

	private final LastOutcomes outcomes = new LastOutcomes();

	private final RobotExchange exchange;

	private final RetryPolicy retryPolicy;

	private final DeliveryQueue queue;

	private final FailureReporter failures;

	private final Dispatcher dispatcher;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean dispatcherStarted;

	private volatile boolean closed;

	private long closeDeadlineNanos;

	/**
	 * Create the delivery of one robot.
	 * @param robotName the name of the robot
	 * @param client the robot's webhook client
	 * @param keywords the robot's keywords
	 * @param clock the clock that limits, pauses and backoffs are timed by
	 * @param rateLimit the robot's rate limit
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param redactor hides the robot's secrets in what is logged
	 */
	public RobotDelivery(String robotName, WebhookClient client, RobotKeywords keywords, Clock clock,
			RateLimit rateLimit, DeliverySettings settings, List<DingTalkRobotListener> listeners,
			SecretRedactor redactor) {
		this(robotName, client, keywords, clock, rateLimit, new RobotRateLimiter(rateLimit, clock), settings, listeners,
				redactor);
	}

	/**
	 * Create the delivery of one robot whose rate limit and pause are kept in the given
	 * store.
	 * @param robotName the name of the robot
	 * @param client the robot's webhook client
	 * @param keywords the robot's keywords
	 * @param clock the clock that waits and backoffs are timed by
	 * @param rateLimit the robot's rate limit
	 * @param limiter the store of the robot's rate limit and pause
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param redactor hides the robot's secrets in what is logged
	 */
	public RobotDelivery(String robotName, WebhookClient client, RobotKeywords keywords, Clock clock,
			RateLimit rateLimit, SlotStore limiter, DeliverySettings settings, List<DingTalkRobotListener> listeners,
			SecretRedactor redactor) {
		this.robotName = robotName;
		this.clock = clock;
		this.rateLimit = rateLimit;
		this.settings = settings;
		this.limiter = limiter;
		DeliveryListeners allListeners = new DeliveryListeners(listeners);
		this.exchange = new RobotExchange(robotName, client, keywords, clock, this.limiter, settings.throttlePause(),
				allListeners, this.outcomes, redactor);
		this.retryPolicy = new RetryPolicy(settings.retry());
		this.queue = new DeliveryQueue(settings.queueCapacity());
		this.failures = new FailureReporter(robotName, clock, allListeners, this.outcomes, redactor);
		MessageCoalescer coalescer = new MessageCoalescer(settings.coalesce(),
				WebhookClient.MAX_BODY_BYTES - MessageCoalescer.jsonBytes(keywords.markdownAddition()));
		this.dispatcher = new Dispatcher(robotName, clock, this.queue, this.limiter, this.exchange, coalescer,
				this.retryPolicy, allListeners, this.failures);
	}

	/**
	 * Send a message now, waiting for a slot of the rate limit for up to its maximum wait
	 * and retrying transient failures.
	 * @param message the message
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	public DingTalkResponse send(Message message) {
		if (this.closed) {
			throw this.failures.failed(message, closed(false));
		}
		try {
			for (int attempt = 1;; attempt++) {
				SlotStore.Slot slot = awaitSlot(message);
				try {
					return this.exchange.send(message, slot);
				}
				catch (DingTalkException ex) {
					if (!this.retryPolicy.shouldRetry(ex, attempt)) {
						throw this.failures.failed(message, ex);
					}
				}
				ClockWait.until(this.clock, this.clock.instant().plus(this.retryPolicy.backoff(attempt)), () -> false);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw this.failures.failed(message, new DingTalkException(this.robotName,
					"DingTalk robot '" + this.robotName + "' was interrupted before it could send the message", null));
		}
	}

	/**
	 * Queue a message for the dispatcher.
	 * @param message the message
	 * @return the future of DingTalk's answer to the message that carries it
	 */
	public CompletableFuture<DingTalkResponse> sendAsync(Message message) {
		Pending pending = new Pending(message);
		startDispatcher();
		switch (this.queue.offer(pending)) {
			case FULL -> this.failures.giveUp(pending,
					new DingTalkQueueFullException(this.robotName, this.settings.queueCapacity()));
			case CLOSED -> this.failures.giveUp(pending, closed(false));
			case ACCEPTED -> {
			}
		}
		return pending.future();
	}

	/**
	 * Return what the robot is doing.
	 * @return the robot's state
	 */
	public RobotState state() {
		return this.outcomes.state(this.queue.depth(), this.limiter.slotsUsed(), this.limiter.pausedUntil());
	}

	/**
	 * Take no more messages and let the dispatcher drain the queue, without waiting for
	 * it. Does nothing when closing has begun already.
	 */
	public void beginClose() {
		synchronized (this.lifecycleMonitor) {
			if (!this.closed) {
				this.closed = true;
				// Elapsed time, not the robot's clock: closing holds up the application's
				// shutdown, and a test's clock may stand still
				this.closeDeadlineNanos = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
				this.queue.close();
			}
		}
	}

	/**
	 * Close: take no more messages, wait until the queue is drained or the shutdown
	 * timeout (counted from {@link #beginClose()}) has passed, then give up on every
	 * message left, failing its future and logging it. Can be called more than once.
	 */
	public void close() {
		beginClose();
		Duration remaining;
		synchronized (this.lifecycleMonitor) {
			remaining = Duration.ofNanos(Math.max(0, this.closeDeadlineNanos - System.nanoTime()));
		}
		if (this.dispatcherStarted) {
			this.dispatcher.awaitTermination(remaining);
		}
		// Empty unless the dispatcher ran out of time, or died
		this.dispatcher.abandon();
		DeliveryQueue.Drained drained = this.queue.drain();
		drained.inFlight().forEach((pending) -> this.failures.giveUp(pending, closed(true)));
		drained.waiting().forEach((pending) -> this.failures.giveUp(pending, closed(false)));
	}

	private void startDispatcher() {
		if (this.dispatcherStarted) {
			return;
		}
		synchronized (this.lifecycleMonitor) {
			if (!this.dispatcherStarted && !this.closed) {
				Thread thread = new Thread(this.dispatcher, "dingtalk-robot-" + this.robotName);
				// Daemon, so that a robot nobody closed cannot keep the JVM alive
				thread.setDaemon(true);
				thread.start();
				this.dispatcherStarted = true;
			}
		}
	}

	private SlotStore.Slot awaitSlot(Message message) throws InterruptedException {
		Instant deadline = this.clock.instant().plus(this.rateLimit.maxWait());
		while (true) {
			SlotStore.Slot slot = this.limiter.tryAcquire();
			if (slot != null) {
				return slot;
			}
			Duration wait = this.limiter.timeUntilAvailable();
			if (this.clock.instant().plus(wait).isAfter(deadline)) {
				throw this.failures.failed(message, noSlot(wait));
			}
			ClockWait.slice(wait);
		}
	}

	private DingTalkException noSlot(Duration wait) {
		String store = this.limiter.unavailableStore();
		if (store != null) {
			return new DingTalkStoreUnavailableException(this.robotName, store, this.rateLimit.maxWait());
		}
		Instant pausedUntil = this.limiter.pausedUntil();
		String reason = (pausedUntil != null)
				? "the robot is paused until " + pausedUntil + " after DingTalk throttled it"
				: "the robot's rate limit of " + this.rateLimit.messages() + " messages per "
						+ format(this.rateLimit.window()) + " is used up";
		return new DingTalkRateLimitedException(this.robotName, SEND_TOO_FAST,
				reason + "; the message was not sent within the maximum wait of " + format(this.rateLimit.maxWait()),
				wait);
	}

	private DingTalkRobotClosedException closed(boolean inFlight) {
		String message = inFlight
				? "DingTalk robot '" + this.robotName + "' was closed before DingTalk answered; the message may have "
						+ "been delivered"
				: "DingTalk robot '" + this.robotName + "' was closed before it could send the message";
		return new DingTalkRobotClosedException(this.robotName, message, inFlight);
	}

	private static String format(Duration duration) {
		return duration.toString().substring(2).toLowerCase(Locale.ROOT);
	}

}
