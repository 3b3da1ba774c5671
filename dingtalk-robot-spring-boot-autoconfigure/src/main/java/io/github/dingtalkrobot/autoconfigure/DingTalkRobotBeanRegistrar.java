package io.github.dingtalkrobot.autoconfigure;

import io.github.dingtalkrobot.DingTalkAppRobot;
import io.github.dingtalkrobot.DingTalkRobot;
import io.github.dingtalkrobot.DingTalkRobots;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link DingTalkRobot} bean per configured robot, named
 * {@code dingTalkRobot.<name>} and qualified by the robot's name. Each bean is a factory
 * method call on the {@link DingTalkRobots} registry, which keeps the registration
 * compatible with ahead-of-time processing. The registry closes the robots, all at once,
 * so the robot beans have no destroy method of their own. A bean of the same name that
 * the application defines itself is left alone.
 */
class DingTalkRobotBeanRegistrar implements BeanDefinitionRegistryPostProcessor {

	static final String BEAN_NAME_PREFIX = "dingTalkRobot.";

	private final Environment environment;

	DingTalkRobotBeanRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		String registryBeanName = findRegistryBeanName(registry);
		if (registryBeanName == null) {
			return;
		}
		RobotNames.kinds(this.environment).forEach((name, kind) -> {
			String beanName = BEAN_NAME_PREFIX + name;
			if (!registry.containsBeanDefinition(beanName)) {
				registry.registerBeanDefinition(beanName,
						robotDefinition(registryBeanName, name, kind.primary(), kind.app()));
			}
		});
	}

	private @Nullable String findRegistryBeanName(BeanDefinitionRegistry registry) {
		if (registry.containsBeanDefinition(DingTalkRobotAutoConfiguration.ROBOTS_BEAN_NAME)) {
			return DingTalkRobotAutoConfiguration.ROBOTS_BEAN_NAME;
		}
		if (registry instanceof ListableBeanFactory beanFactory) {
			String[] candidates = beanFactory.getBeanNamesForType(DingTalkRobots.class, true, false);
			return (candidates.length == 1) ? candidates[0] : null;
		}
		return null;
	}

	private AbstractBeanDefinition robotDefinition(String registryBeanName, String name, boolean primary,
			boolean appRobot) {
		RootBeanDefinition definition = (RootBeanDefinition) BeanDefinitionBuilder
			.rootBeanDefinition(DingTalkRobot.class)
			.setFactoryMethodOnBean("get", registryBeanName)
			.addConstructorArgValue(name)
			.getBeanDefinition();
		// The registry's factory method returns DingTalkRobot: say what an app robot is,
		// so that it can be injected as a DingTalkAppRobot
		definition.setTargetType(appRobot ? DingTalkAppRobot.class : DingTalkRobot.class);
		definition.addQualifier(new AutowireCandidateQualifier(Qualifier.class, name));
		definition.setPrimary(primary);
		definition.setDestroyMethodName("");
		return definition;
	}

}
