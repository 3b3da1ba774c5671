package io.github.dingtalkrobot.test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DingTalkEmulatorContextCustomizerFactory}.
 */
class DingTalkEmulatorContextCustomizerFactoryTests {

	private final DingTalkEmulatorContextCustomizerFactory factory = new DingTalkEmulatorContextCustomizerFactory();

	@Test
	void testWithoutTheAnnotationIsNotCustomized() {
		assertThat(customizerFor(NotAnnotated.class)).isNull();
	}

	@Test
	void annotatedTestIsCustomized() {
		assertThat(customizerFor(Annotated.class)).isInstanceOf(DingTalkEmulatorContextCustomizer.class);
	}

	@Test
	void metaAnnotatedTestIsCustomized() {
		assertThat(customizerFor(MetaAnnotated.class)).isInstanceOf(DingTalkEmulatorContextCustomizer.class);
	}

	@Test
	void nestedTestOfAnAnnotatedTestIsCustomized() {
		assertThat(customizerFor(Annotated.Inner.class)).isInstanceOf(DingTalkEmulatorContextCustomizer.class);
	}

	@Test
	void subclassOfAnAnnotatedTestIsCustomized() {
		assertThat(customizerFor(AnnotatedSubclass.class)).isInstanceOf(DingTalkEmulatorContextCustomizer.class);
	}

	@Test
	void customizersOfDifferentTestsAreEqualSoThatTheTestsShareACachedContext() {
		ContextCustomizer annotated = customizerFor(Annotated.class);
		ContextCustomizer metaAnnotated = customizerFor(MetaAnnotated.class);
		assertThat(annotated).isEqualTo(metaAnnotated).hasSameHashCodeAs(metaAnnotated).isNotEqualTo(new Object());
	}

	private ContextCustomizer customizerFor(Class<?> testClass) {
		return this.factory.createContextCustomizer(testClass, List.of());
	}

	static class NotAnnotated {

	}

	@AutoConfigureDingTalkEmulator
	static class Annotated {

		class Inner {

		}

	}

	static class AnnotatedSubclass extends Annotated {

	}

	@Retention(RetentionPolicy.RUNTIME)
	@AutoConfigureDingTalkEmulator
	@interface EmulatedDingTalk {

	}

	@EmulatedDingTalk
	static class MetaAnnotated {

	}

}
