package io.github.dingtalkrobot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobotListener;
import io.github.dingtalkrobot.DingTalkRobots;
import io.github.dingtalkrobot.internal.delivery.QueueStoreFactory;
import io.github.dingtalkrobot.internal.delivery.SlotStoreFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for DingTalk robots: a
 * {@link DingTalkRobots} registry of the robots configured under {@code dingtalk.robots},
 * and one {@link DingTalkRobot} bean per robot. Every {@link DingTalkRobotListener} bean
 * listens to every robot, and a {@link DingTalkDeliveryFailedEvent} is published for each
 * message a robot gave up on. Closing the context closes the registry, which lets the
 * robots deliver what they hold within {@code dingtalk.shutdown-timeout}. With the
 * actuator, the robots' secrets are masked in the {@code configprops} and {@code env}
 * endpoints.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration" })
@ConditionalOnClass(RestClient.class)
@EnableConfigurationProperties(DingTalkRobotProperties.class)
public final class DingTalkRobotAutoConfiguration {

	static final String ROBOTS_BEAN_NAME = "dingTalkRobots";

	@Bean(name = ROBOTS_BEAN_NAME, destroyMethod = "close")
	@ConditionalOnMissingBean
	DingTalkRobots dingTalkRobots(DingTalkRobotProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilders, ObjectProvider<DingTalkRobotCustomizer> customizers,
			ObjectProvider<DingTalkRobotListener> listeners, ObjectProvider<SlotStoreFactory> slotStores,
			ObjectProvider<QueueStoreFactory> queueStores, ApplicationEventPublisher eventPublisher,
			Environment environment) {
		List<DingTalkRobotListener> robotListeners = new ArrayList<>(listeners.orderedStream().toList());
		robotListeners.add(new DeliveryFailedEventPublisher(eventPublisher));
		DingTalkRobotFactory factory = new DingTalkRobotFactory(properties,
				() -> restClientBuilders.getIfAvailable(RestClient::builder),
				BootHttpClientSettings.isConfigured(environment), customizers.orderedStream().toList(), robotListeners,
				slotStores.getIfAvailable(), queueStores.getIfAvailable());
		List<DingTalkRobot> robots = new ArrayList<>();
		properties.getRobots().keySet().forEach((name) -> robots.add(factory.create(name)));
		return DingTalkRobots.of(robots);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
	static class SanitizingConfiguration {

		@Bean
		DingTalkSanitizingFunction dingTalkSanitizingFunction() {
			return new DingTalkSanitizingFunction();
		}

	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static UnknownDingTalkPropertiesCheck unknownDingTalkPropertiesCheck(Environment environment) {
		return new UnknownDingTalkPropertiesCheck(environment);
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static DingTalkRobotBeanRegistrar dingTalkRobotBeanRegistrar(Environment environment) {
		return new DingTalkRobotBeanRegistrar(environment);
	}

}
