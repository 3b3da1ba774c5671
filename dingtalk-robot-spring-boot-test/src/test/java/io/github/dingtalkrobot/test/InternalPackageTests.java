package io.github.dingtalkrobot.test;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Tests that the test kit builds on the API and the emulator only, never on the
 * implementation under {@code io.github.dingtalkrobot.internal}.
 */
class InternalPackageTests {

	@Test
	void testKitDoesNotDependOnInternal() {
		noClasses().that()
			.resideInAPackage("io.github.dingtalkrobot.test..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.github.dingtalkrobot.internal..")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("io.github.dingtalkrobot.test"));
	}

}
