package io.github.dingtalkrobot;

import java.util.Collection;

import io.github.dingtalkrobot.message.Message;

/**
 * A robot of an enterprise-internal DingTalk app, which sends through DingTalk's OpenAPI
 * rather than a webhook. As a {@link DingTalkRobot} it sends to its group (the
 * {@code openConversationId} it was configured with); it can also send to people one by
 * one. Rate limit, delivery, retries and listeners work as for webhook robots.
 * <p>
 * The OpenAPI has no feed card: sending one throws
 * {@link DingTalkUnsupportedMessageException} before anything is sent. It has no
 * {@code at} either: mentions stay in the text as {@code @<mobile>} or {@code @<userId>},
 * but DingTalk notifies nobody.
 *
 * @since 0.1.0
 * @see DingTalkRobot.Builder#app(String, String, String, String)
 */
public interface DingTalkAppRobot extends DingTalkRobot {

	/**
	 * Send a message to each of the given people, in their one-to-one conversation with
	 * the robot. Lists of more than 20 people are sent in requests of 20, in order, each
	 * taking a slot of the rate limit.
	 * @param userIds the people's user ids (staff ids) in the organization
	 * @param message the message
	 * @return DingTalk's answer to the last request, whose {@code errcode} is always
	 * {@code 0}
	 * @throws DingTalkException if a request failed; the requests before it were sent
	 * @throws DingTalkUnsupportedMessageException if the message is a feed card
	 * @throws IllegalArgumentException if no user id, or a blank one, is given
	 */
	DingTalkResponse sendToUsers(Collection<String> userIds, Message message);

}
