package io.github.dingtalkrobot.internal.cluster;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkrobot.DeliveryFailure;
import io.github.dingtalkrobot.DingTalkRobotListener;

import io.github.dingtalkrobot.DeliverySettings;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.RateLimit;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import io.github.dingtalkrobot.message.Message;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A replica of an application whose robot keeps its queue in Redis, run as a process of
 * its own so that a test can kill it: {@code <redis port> <webhook> <claim-after ms>
 * <alerts>}. It queues the alerts through {@code sendAsync}, prints {@code queued}, and
 * delivers until it is killed or its standard input ends.
 */
public final class DurableQueueReplica {

	/**
	 * DingTalk's real limit on a clock 60 times faster than real time.
	 */
	static final RateLimit TWENTY_PER_SECOND = new RateLimit(20, Duration.ofSeconds(1), Duration.ofSeconds(10));

	private DurableQueueReplica() {
	}

	public static void main(String[] args) throws IOException {
		LettuceConnectionFactory connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", Integer.parseInt(args[0])));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		try (Replica replica = Replica.start(new StringRedisTemplate(connectionFactory), args[1],
				Duration.ofMillis(Long.parseLong(args[2])), DeliverySettings.defaults())) {
			alerts(Integer.parseInt(args[3])).forEach(replica.robot()::sendAsync);
			System.out.println("queued");
			System.out.flush();
			while (System.in.read() != -1) {
				// Delivering until the test ends this replica
			}
		}
		connectionFactory.destroy();
	}

	/**
	 * Return distinct alerts, each about 200 bytes, so that about a hundred go into one
	 * merged message.
	 * @param count how many
	 * @return the alerts
	 */
	static List<Message> alerts(int count) {
		List<Message> alerts = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			alerts.add(Message.text("[alert-" + i + "] disk usage on db-" + i + " is above 90%; "
					+ "check the volumes and rotate the logs of the service before it stops writing"));
		}
		return alerts;
	}

	/**
	 * The robot of one replica, with its own queue stores (its own replica id) and the
	 * failures its listener was told of.
	 *
	 * @param robot the robot
	 * @param queues the replica's queue stores
	 * @param failures the failures this replica reported
	 */
	record Replica(DingTalkRobot robot, RedisQueueStores queues,
			List<DeliveryFailure> failures) implements AutoCloseable {

		static Replica start(StringRedisTemplate redis, String webhook, Duration claimAfter,
				DeliverySettings settings) {
			RedisQueueStores queues = new RedisQueueStores(redis, "dingtalk", claimAfter);
			List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
			DingTalkRobot robot = new DefaultDingTalkRobotBuilder("ops")
				.slotStores(new RedisSlotStores(redis, "dingtalk", 0))
				.queueStores(queues)
				.webhook(webhook)
				.rateLimit(TWENTY_PER_SECOND)
				.delivery(settings)
				.listeners(new DingTalkRobotListener() {

					@Override
					public void onDeliveryFailed(DeliveryFailure failure) {
						failures.add(failure);
					}

				})
				.build();
			return new Replica(robot, queues, failures);
		}

		@Override
		public void close() {
			this.robot.close();
			this.queues.close();
		}

	}

}
