package io.github.dingtalkrobot.internal.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.dingtalkrobot.DingTalkException;
import io.github.dingtalkrobot.DingTalkResponse;
import io.github.dingtalkrobot.DingTalkRobotClosedException;
import io.github.dingtalkrobot.DingTalkStoreUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * A robot's queue kept in a {@link QueueStore} that several replicas share, so that a
 * message given to {@code sendAsync} is in the store before the call returns and is
 * delivered by whichever replica has the robot's turn, even when the replica that took it
 * stopped. The replica whose turn it is reads ahead, so that waiting messages of every
 * replica are merged. A message this replica added keeps its future here until the
 * message is settled, here or, as the store reports, by another replica.
 * <p>
 * Closing stops reading: what this replica read and did not send is handed back to the
 * store, and the futures of the messages it added fail with a
 * {@link DingTalkRobotClosedException} that says another replica delivers them.
 */
final class DurableQueue implements RobotQueue {

	// Enough small alerts to fill one merged message of 20,000 bytes
	private static final int READ_AHEAD = 256;

	private final String robotName;

	private final QueueStore store;

	private final int capacity;

	private final Executor completions;

	// The messages this replica added and whose outcome is not known yet, by id
	private final Map<String, Pending> added = new ConcurrentHashMap<>();

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition changed = this.lock.newCondition();

	// Read from the store during this replica's turn, in order
	private final HeldMessages local = new HeldMessages();

	private final Map<Pending, QueueStore.Entry> held = new HashMap<>();

	private final Map<String, Pending> heldById = new HashMap<>();

	private boolean offered;

	private boolean closed;

	DurableQueue(String robotName, QueueStore store, int capacity, Executor completions) {
		this.robotName = robotName;
		this.store = store;
		this.capacity = capacity;
		this.completions = completions;
		store.onOutcome(new Outcomes());
	}

	@Override
	public Offer offer(Pending pending) {
		if (isClosed()) {
			return Offer.CLOSED;
		}
		// Known before the store has it: another replica may deliver it at once
		String messageId = UUID.randomUUID().toString();
		this.added.put(messageId, pending);
		boolean accepted;
		try {
			accepted = this.store.add(messageId, pending.message(), this.capacity);
		}
		catch (QueueStore.UnavailableException ex) {
			this.added.remove(messageId);
			throw new DingTalkStoreUnavailableException(this.robotName, this.store.name(),
					"DingTalk robot '" + this.robotName + "' did not queue the message: its queue store ("
							+ this.store.name() + ") could not be reached");
		}
		if (!accepted) {
			this.added.remove(messageId);
			return Offer.FULL;
		}
		signal();
		return Offer.ACCEPTED;
	}

	@Override
	public boolean awaitMessage() throws InterruptedException {
		while (true) {
			this.lock.lock();
			try {
				if (this.closed) {
					return false;
				}
				if (this.local.hasWaiting()) {
					return true;
				}
			}
			finally {
				this.lock.unlock();
			}
			if (readIfMyTurn()) {
				return true;
			}
			this.lock.lock();
			try {
				if (!this.offered && !this.closed) {
					this.changed.await(this.store.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
				}
				this.offered = false;
			}
			finally {
				this.lock.unlock();
			}
		}
	}

	private boolean readIfMyTurn() {
		try {
			return this.store.takeTurn() && hold(this.store.read(READ_AHEAD));
		}
		catch (QueueStore.UnavailableException ex) {
			// Asked again after the poll interval
			return false;
		}
	}

	@Override
	public List<Pending> take(MessageCoalescer coalescer) {
		List<Pending> batch = nextBatch(coalescer);
		if (batch.isEmpty()) {
			return batch;
		}
		List<String> settled;
		try {
			settled = this.store.settledElsewhere(entries(batch));
		}
		catch (QueueStore.UnavailableException ex) {
			putBack(batch, false);
			return List.of();
		}
		if (settled == null) {
			// The turn passed to another replica, which reads what this one held
			handBackAll();
			return List.of();
		}
		if (!settled.isEmpty()) {
			List<Pending> settledPending = batch.stream()
				.filter((pending) -> settled.contains(entryOf(pending).id()))
				.toList();
			// Their outcome comes from the replica that settled them
			forget(settledPending, false);
			List<Pending> rest = new ArrayList<>(batch);
			rest.removeAll(settledPending);
			putBack(rest, false);
			return List.of();
		}
		return batch;
	}

	private List<Pending> nextBatch(MessageCoalescer coalescer) {
		int room;
		this.lock.lock();
		try {
			room = this.closed ? 0 : READ_AHEAD - this.local.waitingCount();
		}
		finally {
			this.lock.unlock();
		}
		if (room > 0) {
			// What arrived while the dispatcher waited for a slot goes out with the rest
			try {
				hold(this.store.read(room));
			}
			catch (QueueStore.UnavailableException ex) {
				// What is held already still goes out
			}
		}
		this.lock.lock();
		try {
			return this.closed ? List.of() : this.local.take(coalescer);
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void done(List<Pending> batch) {
		List<QueueStore.Entry> entries = entries(batch);
		try {
			this.store.settle(entries);
		}
		catch (QueueStore.UnavailableException ex) {
			// Left in the store: the replica whose turn comes after the claim time sends
			// them again
		}
		forget(batch, true);
	}

	@Override
	public void putBack(List<Pending> batch, boolean alone) {
		this.lock.lock();
		try {
			this.local.putBack(batch, alone, this.held::containsKey);
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void close() {
		this.lock.lock();
		try {
			this.closed = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public Drained drain() {
		close();
		handBackAll();
		this.store.endTurn();
		DingTalkRobotClosedException handedOver = new DingTalkRobotClosedException(this.robotName,
				"DingTalk robot '" + this.robotName + "' was closed before it sent the message; the message stays in "
						+ this.store.name() + " and another replica delivers it",
				false);
		this.added.values().forEach((pending) -> pending.fail(handedOver));
		this.added.clear();
		return new Drained(List.of(), List.of());
	}

	@Override
	public int depth() {
		try {
			return this.store.depth();
		}
		catch (QueueStore.UnavailableException ex) {
			return this.added.size();
		}
	}

	private boolean isClosed() {
		this.lock.lock();
		try {
			return this.closed;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void signal() {
		this.lock.lock();
		try {
			this.offered = true;
			this.changed.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	// Messages read again (claimed back from this replica itself) are held once
	private boolean hold(List<QueueStore.Entry> entries) {
		this.lock.lock();
		try {
			for (QueueStore.Entry entry : entries) {
				if (!this.heldById.containsKey(entry.id())) {
					Pending pending = pendingOf(entry);
					this.held.put(pending, entry);
					this.heldById.put(entry.id(), pending);
					this.local.add(pending);
				}
			}
			return this.local.hasWaiting();
		}
		finally {
			this.lock.unlock();
		}
	}

	private Pending pendingOf(QueueStore.Entry entry) {
		Pending own = this.added.get(entry.messageId());
		if (own != null) {
			return own;
		}
		// Added by another replica: its future stands for the one over there
		Pending other = new Pending(entry.message(), this.completions);
		other.future().whenComplete((response, failure) -> reportOutcome(entry, response, failure));
		return other;
	}

	private void reportOutcome(QueueStore.Entry entry, @Nullable DingTalkResponse response,
			@Nullable Throwable failure) {
		try {
			this.store.reportOutcome(entry, response, (failure instanceof DingTalkException ex) ? ex : (failure != null)
					? new DingTalkException(this.robotName, String.valueOf(failure.getMessage()), failure) : null);
		}
		catch (QueueStore.UnavailableException ex) {
			// The future over there fails when its replica closes
		}
	}

	private void handBackAll() {
		List<QueueStore.Entry> unsent;
		this.lock.lock();
		try {
			List<Pending> waiting = this.local.removeWaiting();
			unsent = waiting.stream().map(this.held::get).toList();
			waiting.forEach((pending) -> this.heldById.remove(this.held.remove(pending).id()));
		}
		finally {
			this.lock.unlock();
		}
		if (!unsent.isEmpty()) {
			try {
				this.store.handBack(unsent);
			}
			catch (QueueStore.UnavailableException ex) {
				// Claimed by another replica after the claim time instead
			}
		}
	}

	private List<QueueStore.Entry> entries(List<Pending> batch) {
		this.lock.lock();
		try {
			// A message forgotten meanwhile (the queue was drained) is not this replica's
			return batch.stream().map(this.held::get).filter(Objects::nonNull).toList();
		}
		finally {
			this.lock.unlock();
		}
	}

	private QueueStore.Entry entryOf(Pending pending) {
		this.lock.lock();
		try {
			return this.held.get(pending);
		}
		finally {
			this.lock.unlock();
		}
	}

	private void forget(List<Pending> batch, boolean settledHere) {
		this.lock.lock();
		try {
			this.local.done(batch);
			for (Pending pending : batch) {
				QueueStore.Entry entry = this.held.remove(pending);
				if (entry != null) {
					this.heldById.remove(entry.id());
					if (settledHere) {
						this.added.remove(entry.messageId(), pending);
					}
				}
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Completes the futures of messages this replica added and another delivered.
	 */
	private final class Outcomes implements QueueStore.OutcomeListener {

		@Override
		public void delivered(String messageId, DingTalkResponse response) {
			Pending pending = DurableQueue.this.added.remove(messageId);
			if (pending != null) {
				pending.complete(response);
			}
		}

		@Override
		public void failed(String messageId, String reason) {
			Pending pending = DurableQueue.this.added.remove(messageId);
			if (pending != null) {
				// Logged and reported once, by the replica that gave up on it
				pending.fail(new DingTalkException(DurableQueue.this.robotName, reason, null));
			}
		}

	}

}
