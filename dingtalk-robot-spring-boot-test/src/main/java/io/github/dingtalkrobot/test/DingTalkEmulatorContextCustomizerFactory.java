package io.github.dingtalkrobot.test;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * {@link ContextCustomizerFactory} for {@link AutoConfigureDingTalkEmulator}, present
 * directly, as a meta-annotation, or on an enclosing class of a nested test class.
 */
class DingTalkEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, AutoConfigureDingTalkEmulator.class)
				? new DingTalkEmulatorContextCustomizer() : null;
	}

}
