package io.github.dingtalkrobot.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Tests that the sample uses the starter as an application would: through the API, never
 * the implementation under {@code io.github.dingtalkrobot.internal}.
 */
class InternalPackageTests {

	@Test
	void sampleDoesNotDependOnInternal() {
		noClasses().that()
			.resideInAPackage("io.github.dingtalkrobot.sample..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.dingtalkrobot.internal..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.github.dingtalkrobot.sample"));
	}

}
