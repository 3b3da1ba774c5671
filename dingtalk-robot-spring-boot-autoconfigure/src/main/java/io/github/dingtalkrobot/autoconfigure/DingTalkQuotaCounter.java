package io.github.dingtalkrobot.autoconfigure;

import java.time.YearMonth;

/**
 * Where the calls of a month are counted. The default counts in memory, for one
 * application instance; define a bean of this type to share the count between replicas.
 *
 * @since 0.1.0
 * @see DingTalkQuota
 */
public interface DingTalkQuotaCounter {

	/**
	 * Count one call in the given month.
	 * @param month the month, in China's time zone
	 * @return the calls of the month, this one included
	 */
	long increment(YearMonth month);

	/**
	 * Return the calls counted in the given month.
	 * @param month the month, in China's time zone
	 * @return the calls of the month
	 */
	long get(YearMonth month);

}
