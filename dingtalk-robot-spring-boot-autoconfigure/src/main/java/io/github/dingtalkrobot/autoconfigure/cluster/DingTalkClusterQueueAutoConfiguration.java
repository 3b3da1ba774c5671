package io.github.dingtalkrobot.autoconfigure.cluster;

import java.time.Duration;

import io.github.dingtalkrobot.internal.cluster.RedisQueueStores;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of durable queues: with
 * {@code dingtalk.cluster.queue=redis}, every robot keeps its {@code sendAsync} messages
 * in a Redis stream, so that another replica delivers them when the one that took them
 * stops. Needs {@code dingtalk.cluster.mode=redis}, whose Redis it uses; stops startup
 * with an explanation without it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkClusterAutoConfiguration.class)
@ConditionalOnProperty(name = "dingtalk.cluster.queue", havingValue = "redis")
@EnableConfigurationProperties(DingTalkClusterProperties.class)
public final class DingTalkClusterQueueAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dingtalk.cluster.mode", havingValue = "redis")
	@ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
	static class RedisQueueConfiguration {

		// Depends on the rate limit's store, which explains first what is missing to
		// reach
		// Redis
		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		RedisQueueStores dingTalkRedisQueueStores(DingTalkClusterProperties properties, RedisSlotStores slotStores,
				ObjectProvider<RedisConnectionFactory> connectionFactories) {
			Duration claimAfter = properties.getClaimAfter();
			if (claimAfter == null || claimAfter.isNegative() || claimAfter.isZero()) {
				throw new DingTalkClusterStoreMissingException("dingtalk.cluster.claim-after must be positive.",
						"Set dingtalk.cluster.claim-after to a positive duration such as 30s, or leave it out for its "
								+ "default of 30s.");
			}
			return new RedisQueueStores(new StringRedisTemplate(connectionFactories.getObject()),
					properties.getKeyPrefix(), claimAfter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = "dingtalk.cluster.mode", havingValue = "local", matchIfMissing = true)
	static class LocalModeConfiguration {

		@Bean
		static QueueStoreFactory dingTalkRedisQueueStores() {
			throw new DingTalkClusterStoreMissingException(
					"dingtalk.cluster.queue=redis keeps the DingTalk robots' queues in Redis, but "
							+ "dingtalk.cluster.mode is not redis, so the robots have no Redis to keep them in.",
					"Set dingtalk.cluster.mode=redis (with spring-boot-starter-data-redis and spring.data.redis.* "
							+ "pointing at your Redis) as well, or set dingtalk.cluster.queue=memory.");
		}

	}

}
