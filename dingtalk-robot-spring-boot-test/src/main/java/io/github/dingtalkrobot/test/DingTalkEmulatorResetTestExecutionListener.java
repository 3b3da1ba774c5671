package io.github.dingtalkrobot.test;

import io.github.dingtalkrobot.emulator.DingTalkEmulator;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * {@link TestExecutionListener} that {@link DingTalkEmulator#reset() resets} the emulator
 * of an {@link AutoConfigureDingTalkEmulator} test after each test method: the
 * application context is cached across tests, and each test should see only its own
 * requests.
 */
class DingTalkEmulatorResetTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext() && TestContextAnnotationUtils.hasAnnotation(testContext.getTestClass(),
				AutoConfigureDingTalkEmulator.class)) {
			testContext.getApplicationContext()
				.getBean(DingTalkEmulatorBeanFactoryPostProcessor.EMULATOR_BEAN_NAME, DingTalkEmulator.class)
				.reset();
		}
	}

}
