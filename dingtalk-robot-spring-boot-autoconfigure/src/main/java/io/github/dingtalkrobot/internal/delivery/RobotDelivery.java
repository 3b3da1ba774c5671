package io.github.dingtalkrobot.internal.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkQueueFullException;
import io.github.dingtalkrobot.DingTalkRateLimitedException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkStoreUnavailableException;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.RobotState;
import io.github.dingtalkrobot.internal.webhook.JsonBytes;
import io.github.dingtalkrobot.internal.webhook.RobotKeywords;
import io.github.dingtalkrobot.internal.webhook.SecretRedactor;
import io.github.dingtalkrobot.internal.webhook.WebhookClient;
import io.github.dingtalkrobot.message.Message;
import org.jspecify.annotations.Nullable;

/**
 * Delivers the messages of one robot within DingTalk's limits: the rate limit that
 * {@code send} and {@code sendAsync} share, the pause after DingTalk throttled the robot,
 * retries, and the queue that a dispatcher thread, started on the first
 * {@code sendAsync}, drains. The futures of {@code sendAsync} complete on the robot's
 * callback threads, so that a callback that blocks never holds up delivery. Internal:
 * public only so that {@code io.github.dingtalkrobot} can use it.
 *
 * @since 0.1.0
 */
public final class RobotDelivery {

	// How long idle callback threads are kept
	private static final Duration CALLBACK_KEEP_ALIVE = Duration.ofSeconds(30);

	private final String robotName;

	private final Clock clock;

	private final RateLimit rateLimit;

	private final DeliverySettings settings;

	private final SlotStore limiter;

	private final LastOutcomes outcomes = new LastOutcomes();

	private final RetryingSender sender;

	private final RobotQueue queue;

	private final boolean durable;

	private final FailureReporter failures;

	private final Dispatcher dispatcher;

	private final ThreadPoolExecutor completions;

	private final Object lifecycleMonitor = new Object();

	private volatile boolean dispatcherStarted;

	private volatile boolean closed;

	private long closeDeadlineNanos;

	/**
	 * Create the delivery of one robot.
	 * @param robotName the name of the robot
	 * @param transport how the robot puts a message on the wire
	 * @param keywords the robot's keywords
	 * @param clock the clock that limits, pauses and backoffs are timed by
	 * @param rateLimit the robot's rate limit
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param redactor hides the robot's secrets in what is logged
	 */
	public RobotDelivery(String robotName, MessageTransport transport, RobotKeywords keywords, Clock clock,
			RateLimit rateLimit, DeliverySettings settings, List<DingTalkRobotListener> listeners,
			SecretRedactor redactor) {
		this(robotName, transport, keywords, clock, rateLimit, new RobotRateLimiter(rateLimit, clock), settings,
				listeners, redactor);
	}

	/**
	 * Create the delivery of one robot whose rate limit and pause are kept in the given
	 * store.
	 * @param robotName the name of the robot
	 * @param transport how the robot puts a message on the wire
	 * @param keywords the robot's keywords
	 * @param clock the clock that waits and backoffs are timed by
	 * @param rateLimit the robot's rate limit
	 * @param limiter the store of the robot's rate limit and pause
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param redactor hides the robot's secrets in what is logged
	 */
	public RobotDelivery(String robotName, MessageTransport transport, RobotKeywords keywords, Clock clock,
			RateLimit rateLimit, SlotStore limiter, DeliverySettings settings, List<DingTalkRobotListener> listeners,
			SecretRedactor redactor) {
		this(robotName, transport, keywords, clock, rateLimit, limiter, null, settings, listeners, redactor);
	}

	/**
	 * Create the delivery of one robot whose rate limit and pause are kept in the given
	 * store, and whose {@code sendAsync} messages are kept in the given queue store, when
	 * there is one. With a queue store, the dispatcher starts at once, to deliver what
	 * other replicas left.
	 * @param robotName the name of the robot
	 * @param transport how the robot puts a message on the wire
	 * @param keywords the robot's keywords
	 * @param clock the clock that waits and backoffs are timed by
	 * @param rateLimit the robot's rate limit
	 * @param limiter the store of the robot's rate limit and pause
	 * @param queueStore the store of the robot's queue, or {@code null} for the JVM
	 * @param settings how queued messages are delivered
	 * @param listeners the listeners to tell about deliveries
	 * @param redactor hides the robot's secrets in what is logged
	 */
	public RobotDelivery(String robotName, MessageTransport transport, RobotKeywords keywords, Clock clock,
			RateLimit rateLimit, SlotStore limiter, @Nullable QueueStore queueStore, DeliverySettings settings,
			List<DingTalkRobotListener> listeners, SecretRedactor redactor) {
		this.robotName = robotName;
		this.clock = clock;
		this.rateLimit = rateLimit;
		this.settings = settings;
		this.limiter = limiter;
		DeliveryListeners allListeners = new DeliveryListeners(listeners);
		RobotExchange exchange = new RobotExchange(robotName, transport, keywords, clock, this.limiter,
				settings.throttlePause(), allListeners, this.outcomes, redactor);
		this.sender = new RetryingSender(clock, exchange, new RetryPolicy(settings.retry()));
		// As many threads as callbacks that block at once: with a fixed number, a
		// callback
		// that waits for another message's future could wait for a thread that never
		// frees
		this.completions = new ThreadPoolExecutor(0, Integer.MAX_VALUE, CALLBACK_KEEP_ALIVE.toSeconds(),
				TimeUnit.SECONDS, new SynchronousQueue<>(), new RobotThreadFactory(robotName, "callback"));
		this.durable = queueStore != null;
		this.queue = (queueStore != null)
				? new DurableQueue(robotName, queueStore, settings.queueCapacity(), this.completions)
				: new DeliveryQueue(settings.queueCapacity());
		this.failures = new FailureReporter(robotName, clock, allListeners, this.outcomes, redactor);
		MessageCoalescer coalescer = new MessageCoalescer(settings.coalesce(),
				WebhookClient.MAX_BODY_BYTES - JsonBytes.of(keywords.markdownAddition()));
		this.dispatcher = new Dispatcher(robotName, this.queue, this.limiter, coalescer, this.sender, allListeners,
				this.failures);
		if (this.durable) {
			startDispatcher();
		}
	}

	/**
	 * Send a message now, waiting for a slot of the rate limit for up to its maximum wait
	 * and retrying transient failures.
	 * @param message the message
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	public DingTalkResponse send(Message message) {
		return send(message, null);
	}

	/**
	 * Send a message now through the given transport, with the same rate limit, retries
	 * and reporting as {@link #send(Message)}.
	 * @param message the message
	 * @param transport how to put the message on the wire, or {@code null} for the
	 * robot's own
	 * @return DingTalk's answer, with {@code errcode 0}
	 * @throws DingTalkException if the message was not delivered
	 */
	public DingTalkResponse send(Message message, @Nullable MessageTransport transport) {
		if (this.closed) {
			throw this.failures.failed(message, closed(false));
		}
		try {
			return this.sender.send(message, transport, awaitSlot(), this::awaitSlot, () -> false);
		}
		catch (DingTalkException ex) {
			throw this.failures.failed(message, ex);
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
		Pending pending = new Pending(message, this.completions);
		startDispatcher();
		RobotQueue.Offer offer;
		try {
			offer = this.queue.offer(pending);
		}
		catch (DingTalkStoreUnavailableException ex) {
			return refuse(message, ex);
		}
		return switch (offer) {
			case ACCEPTED -> pending.future();
			case FULL -> refuse(message, new DingTalkQueueFullException(this.robotName, this.settings.queueCapacity()));
			case CLOSED -> refuse(message, closed(false));
		};
	}

	// Completed on the caller's thread, at once: nothing of the robot's waits for it
	private CompletableFuture<DingTalkResponse> refuse(Message message, DingTalkException refusal) {
		Pending refused = new Pending(message, Runnable::run);
		this.failures.giveUp(refused, refusal);
		return refused.future();
	}

	/**
	 * Return what the robot is doing.
	 * @return the robot's state
	 */
	public RobotState state() {
		return this.outcomes.state(this.queue.depth(), this.limiter.slotsUsed(), this.limiter.pausedUntil());
	}

	/**
	 * Take no more messages and let the dispatcher drain the queue in the JVM, or, with a
	 * durable queue, end after its request in flight and leave the rest to the other
	 * replicas, without waiting for it. Does nothing when closing has begun already.
	 */
	public void beginClose() {
		synchronized (this.lifecycleMonitor) {
			if (!this.closed) {
				this.closed = true;
				// Elapsed time, not the robot's clock: closing holds up the application's
				// shutdown, and a test's clock may stand still
				this.closeDeadlineNanos = System.nanoTime() + this.settings.shutdownTimeout().toNanos();
				this.queue.close();
				if (this.durable) {
					// The rest stays in the store for the other replicas: no more waits
					// for slots or backoffs, only the request in flight ends
					this.dispatcher.abandon();
				}
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
		// The futures of delivered messages complete on the callback threads: wait for
		// them
		// within the shutdown timeout; the futures given up on below complete on this
		// thread, so that every future is done when closing returns
		this.completions.shutdown();
		awaitCompletions();
		RobotQueue.Drained drained = this.queue.drain();
		drained.inFlight().forEach((pending) -> this.failures.giveUp(pending, closed(true)));
		drained.waiting().forEach((pending) -> this.failures.giveUp(pending, closed(false)));
	}

	private void awaitCompletions() {
		long remainingNanos;
		synchronized (this.lifecycleMonitor) {
			remainingNanos = Math.max(0, this.closeDeadlineNanos - System.nanoTime());
		}
		try {
			this.completions.awaitTermination(remainingNanos, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void startDispatcher() {
		if (this.dispatcherStarted) {
			return;
		}
		synchronized (this.lifecycleMonitor) {
			if (!this.dispatcherStarted && !this.closed) {
				new RobotThreadFactory(this.robotName, "dispatcher").newThread(this.dispatcher).start();
				this.dispatcherStarted = true;
			}
		}
	}

	private SlotStore.Slot awaitSlot() throws InterruptedException {
		Instant deadline = this.clock.instant().plus(this.rateLimit.maxWait());
		while (true) {
			SlotStore.Slot slot = this.limiter.tryAcquire();
			if (slot != null) {
				return slot;
			}
			Duration wait = this.limiter.timeUntilAvailable();
			if (this.clock.instant().plus(wait).isAfter(deadline)) {
				throw noSlot(wait);
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
		return new DingTalkRateLimitedException(this.robotName,
				"DingTalk robot '" + this.robotName + "' did not send the message: " + reason
						+ ", and no slot came free within the maximum wait of " + format(this.rateLimit.maxWait()),
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
