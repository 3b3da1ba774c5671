package io.github.dingtalkrobot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.github.dingtalkrobot.internal.DefaultDingTalkRobotBuilder;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests that the module's packages depend one way: {@code autoconfigure} → the API
 * ({@code io.github.dingtalkrobot}, {@code .message}) → {@code internal}, without cycles,
 * and with {@code DingTalkRobot.builder()} as the API's only way into {@code internal}.
 */
class PackageDependencyTests {

	private static final String API = "io.github.dingtalkrobot";

	private static final String MESSAGE = "io.github.dingtalkrobot.message..";

	private static final String INTERNAL = "io.github.dingtalkrobot.internal..";

	private static final String AUTOCONFIGURE = "io.github.dingtalkrobot.autoconfigure..";

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.github.dingtalkrobot");

	@Test
	void internalPackagesHaveNoCycles() {
		slices().matching("io.github.dingtalkrobot.internal.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void autoconfigurePackagesHaveNoCycles() {
		slices().matching("io.github.dingtalkrobot.autoconfigure.(**)").should().beFreeOfCycles().check(classes);
	}

	@Test
	void apiReachesIntoInternalOnlyThroughTheBuilder() {
		noClasses().that()
			.resideInAnyPackage(API, MESSAGE)
			.should()
			.dependOnClassesThat(resideInAPackage(INTERNAL).and(not(type(DefaultDingTalkRobotBuilder.class))))
			.check(classes);
		noClasses().that()
			.resideInAnyPackage(API, MESSAGE)
			.and()
			.doNotHaveFullyQualifiedName(DingTalkRobot.class.getName())
			.should()
			.dependOnClassesThat()
			.resideInAPackage(INTERNAL)
			.check(classes);
	}

	@Test
	void messagesDependOnNothingElseOfOurs() {
		noClasses().that()
			.resideInAPackage(MESSAGE)
			.should()
			.dependOnClassesThat(resideInAPackage("io.github.dingtalkrobot..").and(not(resideInAPackage(MESSAGE))))
			.check(classes);
	}

	@Test
	void onlyAutoconfigureDependsOnAutoconfigure() {
		noClasses().that()
			.resideOutsideOfPackage(AUTOCONFIGURE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(AUTOCONFIGURE)
			.check(classes);
	}

}
