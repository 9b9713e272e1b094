package io.pusherspring.test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The test kit's layering: applications use {@code io.pusherspring.test}; what it is
 * built from lives in sub-packages by role, which depend on the entry package only for
 * its values, never on each other in a cycle, and whose servers know nothing of the JUnit
 * and Spring TestContext life cycle.
 */
class TestKitArchitectureTests {

	private static final String ENTRY = "io.pusherspring.test";

	private static final String[] SERVER_PARTS = { "io.pusherspring.test.simulator..", "io.pusherspring.test.local..",
			"io.pusherspring.test.wiremock.." };

	private static final JavaClasses kit = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages(ENTRY);

	@Test
	void theEntryPackageUsesNeitherNettyNorWireMock() {
		noClasses().that()
			.resideInAPackage(ENTRY)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.netty..", "com.github.tomakehurst..", "org.wiremock..", "wiremock..")
			.check(kit);
	}

	@Test
	void theServersKnowNothingOfTheTestLifeCycle() {
		noClasses().that()
			.resideInAnyPackage(SERVER_PARTS)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.junit..", "org.springframework.test..", "io.pusherspring.test.junit..",
					"io.pusherspring.test.context..")
			.check(kit);
	}

	@Test
	void thePartsUseTheEntryPackageOnlyForItsValues() {
		DescribedPredicate<JavaClass> entryPointsAndTheirHelpers = JavaClass.Predicates.resideInAPackage(ENTRY)
			.and(DescribedPredicate
				.not(JavaClass.Predicates.belongToAnyOf(RecordedEvent.class, ReceivedRequest.class)));
		noClasses().that()
			.resideInAnyPackage(SERVER_PARTS)
			.or()
			.resideInAnyPackage("io.pusherspring.test.assertion..", "io.pusherspring.test.request..")
			.should()
			.dependOnClassesThat(entryPointsAndTheirHelpers)
			.check(kit);
	}

	@Test
	void theFakeAndTheLocalServerShareOnlyTheSimulator() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.test.local..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.pusherspring.test.wiremock..")
			.check(kit);
		noClasses().that()
			.resideInAPackage("io.pusherspring.test.wiremock..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.pusherspring.test.local..")
			.check(kit);
	}

	@Test
	void thePartsAreFreeOfCycles() {
		slices().matching("io.pusherspring.test.(*)..").should().beFreeOfCycles().check(kit);
	}

}
