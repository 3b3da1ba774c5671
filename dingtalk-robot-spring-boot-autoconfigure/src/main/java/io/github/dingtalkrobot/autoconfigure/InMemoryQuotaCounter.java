package io.github.dingtalkrobot.autoconfigure;

import java.time.YearMonth;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts the calls of the current month in memory; a new month starts from zero.
 */
final class InMemoryQuotaCounter implements DingTalkQuotaCounter {

	private final AtomicReference<MonthCount> current = new AtomicReference<>(new MonthCount(YearMonth.of(1970, 1), 0));

	@Override
	public long increment(YearMonth month) {
		return this.current.updateAndGet((count) -> count.month().equals(month)
				? new MonthCount(month, count.calls() + 1) : new MonthCount(month, 1))
			.calls();
	}

	@Override
	public long get(YearMonth month) {
		MonthCount count = this.current.get();
		return count.month().equals(month) ? count.calls() : 0;
	}

	private record MonthCount(YearMonth month, long calls) {

	}

}
