package io.github.dingtalkrobot.autoconfigure;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The organization's monthly API-call quota and how much of it the robots used: every
 * request to DingTalk (webhook, OpenAPI and access token requests alike) counts towards
 * the calendar month in China's time zone, in which DingTalk counts. The first time in a
 * month that the calls reach the warning share, one WARN line is logged.
 *
 * @since 0.1.0
 * @see DingTalkQuotaProperties
 */
public final class DingTalkQuota {

	/**
	 * The time zone DingTalk's months are counted in.
	 */
	public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private static final Log logger = LogFactory.getLog(DingTalkQuota.class);

	private final long monthlyCalls;

	private final int warnAtPercent;

	private final Clock clock;

	private final DingTalkQuotaCounter counter;

	private final AtomicReference<YearMonth> warned = new AtomicReference<>();

	DingTalkQuota(long monthlyCalls, int warnAtPercent, Clock clock, DingTalkQuotaCounter counter) {
		this.monthlyCalls = monthlyCalls;
		this.warnAtPercent = warnAtPercent;
		this.clock = clock;
		this.counter = counter;
	}

	/**
	 * Count one request to DingTalk.
	 */
	void recordCall() {
		YearMonth month = month();
		long used = this.counter.increment(month);
		if (used * 100 >= this.monthlyCalls * this.warnAtPercent) {
			YearMonth last = this.warned.get();
			if (!month.equals(last) && this.warned.compareAndSet(last, month)) {
				logger.warn("DingTalk robots made " + used + " of the organization's " + this.monthlyCalls
						+ " monthly API calls in " + month + " (" + this.warnAtPercent + "% or more); further calls "
						+ "may be refused until the month ends in China's time zone");
			}
		}
	}

	/**
	 * Return the current month, in China's time zone.
	 * @return the month
	 */
	public YearMonth month() {
		return YearMonth.from(this.clock.instant().atZone(CHINA));
	}

	/**
	 * Return how many calls the robots made this month.
	 * @return the calls of the current month
	 */
	public long used() {
		return this.counter.get(month());
	}

	/**
	 * Return the organization's monthly quota.
	 * @return the calls allowed per month
	 */
	public long monthlyCalls() {
		return this.monthlyCalls;
	}

	/**
	 * Return the share of the quota at which a warning is logged.
	 * @return the percentage
	 */
	public int warnAtPercent() {
		return this.warnAtPercent;
	}

}
