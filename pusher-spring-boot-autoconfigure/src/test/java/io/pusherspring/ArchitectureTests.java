package io.pusherspring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies between the library's packages point one way: {@code core} ← feature
 * packages ← {@code autoconfigure}.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.pusherspring");

	@Test
	void coreDependsOnNoOtherPackageOfTheLibrary() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.pusherspring.autoconfigure..", "io.pusherspring.auth..", "io.pusherspring.event..",
					"io.pusherspring.webhook..", "io.pusherspring.health..", "io.pusherspring.test..")
			.check(this.classes);
	}

	@Test
	void coreDoesNotNeedSpringBoot() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(this.classes);
	}

	@Test
	void featurePackagesDoNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideInAnyPackage("io.pusherspring.auth..", "io.pusherspring.event..", "io.pusherspring.webhook..",
					"io.pusherspring.health..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.pusherspring.autoconfigure..")
			.allowEmptyShould(true)
			.check(this.classes);
	}

}
