package io.github.dingtalkrobot.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the organization's monthly API-call quota, which every
 * request to DingTalk counts towards.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(DingTalkQuotaProperties.PREFIX)
public class DingTalkQuotaProperties implements InitializingBean {

	/**
	 * Prefix of the quota properties.
	 */
	public static final String PREFIX = "dingtalk.quota";

	/**
	 * Monthly API-call quota of the organization, such as 5000 on DingTalk's free tier.
	 * When unset, calls are not counted.
	 */
	private @Nullable Long monthlyCalls;

	/**
	 * Share of the monthly calls at which one WARN line is logged in a month, as a
	 * percentage such as '80%'.
	 */
	private String warnAt = "80%";

	public @Nullable Long getMonthlyCalls() {
		return this.monthlyCalls;
	}

	public void setMonthlyCalls(@Nullable Long monthlyCalls) {
		this.monthlyCalls = monthlyCalls;
	}

	public String getWarnAt() {
		return this.warnAt;
	}

	public void setWarnAt(String warnAt) {
		this.warnAt = warnAt;
	}

	/**
	 * Return {@link #getWarnAt() warn-at} as a percentage.
	 * @return the percentage, from 1 to 100
	 */
	int warnAtPercent() {
		String value = this.warnAt.strip();
		value = value.endsWith("%") ? value.substring(0, value.length() - 1).strip() : value;
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@Override
	public void afterPropertiesSet() {
		if (this.monthlyCalls != null && this.monthlyCalls <= 0) {
			throw new InvalidDingTalkRobotPropertiesException(PREFIX + ".monthly-calls", "must be a positive number.",
					"Set '" + PREFIX + ".monthly-calls' to the organization's monthly API-call quota, such as 5000, "
							+ "or remove it to stop counting calls.");
		}
		int percent = warnAtPercent();
		if (percent < 1 || percent > 100) {
			throw new InvalidDingTalkRobotPropertiesException(PREFIX + ".warn-at",
					"is not a percentage from 1% to 100%.",
					"Set '" + PREFIX + ".warn-at' to a percentage such as '80%', or remove it to use the default.");
		}
	}

}
