package io.github.dingtalkrobot.autoconfigure.cluster;

import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaAutoConfiguration;
import io.github.dingtalkrobot.autoconfigure.DingTalkQuotaCounter;
import io.github.dingtalkrobot.autoconfigure.cluster.DingTalkClusterProperties.OnStoreFailure;
import io.github.dingtalkrobot.internal.cluster.RedisSlotStores;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.util.StringUtils;

/**
 * {@link EnableAutoConfiguration Auto-configuration} of robots shared by several
 * replicas: with {@code dingtalk.cluster.mode=redis}, every robot keeps its rate limit
 * and pause in Redis, reached through the application's {@link RedisConnectionFactory},
 * with a gauge of Redis's availability ({@code dingtalk.cluster.store.available}) and the
 * {@link DingTalkClusterEndpoint dingtalkcluster} endpoint; the monthly API calls, when
 * counted, are counted in Redis too. Stops startup with an explanation when Spring Data
 * Redis or a connection factory is missing.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DingTalkQuotaAutoConfiguration.class,
		afterName = { "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
				"org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration" })
@ConditionalOnProperty(name = "dingtalk.cluster.mode", havingValue = "redis")
@EnableConfigurationProperties(DingTalkClusterProperties.class)
public final class DingTalkClusterAutoConfiguration {

	private static final String SPRING_DATA_REDIS = "org.springframework.data.redis.connection.RedisConnectionFactory";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = SPRING_DATA_REDIS)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RedisSlotStores dingTalkRedisSlotStores(DingTalkClusterProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactories) {
			RedisConnectionFactory connectionFactory = connectionFactories.getIfUnique();
			if (connectionFactory == null) {
				throw new DingTalkClusterStoreMissingException(
						"dingtalk.cluster.mode=redis shares the DingTalk robots' rate limits through Redis, "
								+ "but the application has no single RedisConnectionFactory to reach it.",
						"Add org.springframework.boot:spring-boot-starter-data-redis and point spring.data.redis.* "
								+ "at your Redis, define one RedisConnectionFactory bean (or mark one @Primary), "
								+ "or set dingtalk.cluster.mode=local.");
			}
			if (!StringUtils.hasText(properties.getKeyPrefix()) || properties.getExpectedReplicas() < 1) {
				throw new DingTalkClusterStoreMissingException(
						"dingtalk.cluster.key-prefix must not be empty and dingtalk.cluster.expected-replicas must be "
								+ "at least 1.",
						"Set dingtalk.cluster.key-prefix to a non-empty prefix and dingtalk.cluster.expected-replicas "
								+ "to the number of replicas, or leave them out for their defaults.");
			}
			int localFallbackDivisor = (properties.getOnStoreFailure() == OnStoreFailure.LOCAL)
					? properties.getExpectedReplicas() : 0;
			return new RedisSlotStores(new StringRedisTemplate(connectionFactory), properties.getKeyPrefix(),
					localFallbackDivisor);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnProperty(name = "dingtalk.quota.monthly-calls")
		DingTalkQuotaCounter dingTalkRedisQuotaCounter(DingTalkClusterProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactories, RedisSlotStores stores) {
			// The slot stores' checks have passed: there is one connection factory
			return new RedisQuotaCounter(new StringRedisTemplate(connectionFactories.getObject()),
					properties.getKeyPrefix());
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
		static class StoreMetricsConfiguration {

			@Bean
			StoreAvailabilityMeterBinder dingTalkClusterStoreMeterBinder(RedisSlotStores stores) {
				return new StoreAvailabilityMeterBinder(stores);
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
				"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
		static class EndpointConfiguration {

			@Bean
			@ConditionalOnMissingBean
			@ConditionalOnAvailableEndpoint(DingTalkClusterEndpoint.class)
			DingTalkClusterEndpoint dingTalkClusterEndpoint(DingTalkClusterProperties properties,
					RedisSlotStores stores) {
				return new DingTalkClusterEndpoint(properties, stores);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SPRING_DATA_REDIS)
	static class MissingSpringDataRedisConfiguration {

		@Bean
		static SlotStoreFactory dingTalkRedisSlotStores() {
			throw new DingTalkClusterStoreMissingException(
					"dingtalk.cluster.mode=redis shares the DingTalk robots' rate limits through Redis, but Spring Data "
							+ "Redis is not on the class path.",
					"Add org.springframework.boot:spring-boot-starter-data-redis (Spring Data Redis with Lettuce) "
							+ "and point spring.data.redis.* at your Redis, or set dingtalk.cluster.mode=local.");
		}

	}

}
