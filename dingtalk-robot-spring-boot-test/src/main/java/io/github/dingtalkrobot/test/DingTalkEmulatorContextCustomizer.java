package io.github.dingtalkrobot.test;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * {@link ContextCustomizer} that gives an application context a {@link DingTalkEmulator}
 * for its robots. All instances are equal, so that test classes with the same
 * configuration share one cached context.
 *
 * @see DingTalkEmulatorBeanFactoryPostProcessor
 */
class DingTalkEmulatorContextCustomizer implements ContextCustomizer {

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		// A post-processor rather than work done here: by the time it runs, every
		// property source is in place, whichever order the customizers ran in and
		// including those the application's configuration classes declare
		context.addBeanFactoryPostProcessor(new DingTalkEmulatorBeanFactoryPostProcessor(context.getEnvironment()));
	}

	@Override
	public boolean equals(@Nullable Object obj) {
		return (obj != null) && (obj.getClass() == getClass());
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
