package io.github.dingtalkrobot.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The people a message mentions: its {@code at} object as sent.
 *
 * @param atMobiles the mobile numbers in {@code at.atMobiles}
 * @param atUserIds the user ids in {@code at.atUserIds}
 * @param atAll whether {@code at.isAtAll} is {@code true}
 */
public record Mentions(List<String> atMobiles, List<String> atUserIds, boolean atAll) {

	/**
	 * No mentions at all.
	 */
	public static final Mentions NONE = new Mentions(List.of(), List.of(), false);

	public Mentions {
		atMobiles = List.copyOf(atMobiles);
		atUserIds = List.copyOf(atUserIds);
	}

	/**
	 * Return whether a person is mentioned by mobile number or user id.
	 * @param mobileOrUserId a mobile number or user id
	 * @return whether the message mentions them
	 */
	public boolean includes(String mobileOrUserId) {
		return this.atMobiles.contains(mobileOrUserId) || this.atUserIds.contains(mobileOrUserId);
	}

	/**
	 * Return whether the message mentions nobody.
	 * @return {@code true} without mentions
	 */
	public boolean isEmpty() {
		return this.atMobiles.isEmpty() && this.atUserIds.isEmpty() && !this.atAll;
	}

	static Mentions of(Map<String, @Nullable Object> message) {
		if (!(message.get("at") instanceof Map<?, ?> at)) {
			return NONE;
		}
		return new Mentions(strings(at.get("atMobiles")), strings(at.get("atUserIds")),
				Boolean.TRUE.equals(at.get("isAtAll")));
	}

	private static List<String> strings(@Nullable Object array) {
		if (!(array instanceof List<?> values)) {
			return List.of();
		}
		return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

}
