package io.pusherspring;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Dependencies between the library's packages point one way: {@code core} ← feature
 * packages ← {@code autoconfigure}, with {@code servlet.internal}, the servlet support
 * the feature packages share, beside core beneath them. Core does not need Spring Boot,
 * except that its default HTTP transport builds its clients with Boot's HTTP client
 * builders, and never the servlet API.
 */
class ArchitectureTests {

	/**
	 * The classes of the default transport, which builds its HTTP clients with Spring
	 * Boot's builders, and nothing else of core.
	 */
	private static final String HTTP_TRANSPORT = "io\\.pusherspring\\.core\\.(HttpPusherTransport|PusherHttpClients)(\\$.*)?";

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		// the project's shared test support is on the test class path, but no part of the
		// library
		.withImportOption((location) -> !location.contains("/io/pusherspring/testsupport/"))
		.importPackages("io.pusherspring");

	@Test
	void coreDependsOnNoOtherPackageOfTheLibrary() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.pusherspring.autoconfigure..", "io.pusherspring.auth..", "io.pusherspring.event..",
					"io.pusherspring.webhook..", "io.pusherspring.health..", "io.pusherspring.servlet..",
					"io.pusherspring.test..")
			.check(this.classes);
	}

	@Test
	void coreIsFreeOfServletTypes() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.core..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("jakarta.servlet..")
			.because("core serves both web stacks, and a WebFlux application has no servlet API")
			.check(this.classes);
	}

	@Test
	void servletSupportDependsOnNoOtherPackageOfTheLibrary() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.servlet..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.pusherspring.core..", "io.pusherspring.autoconfigure..", "io.pusherspring.auth..",
					"io.pusherspring.event..", "io.pusherspring.webhook..", "io.pusherspring.health..",
					"io.pusherspring.test..")
			.because("it is the servlet support that auth and webhook share: they depend on it, never the reverse, "
					+ "and it needs nothing of the library")
			.check(this.classes);
	}

	@Test
	void coreDoesNotNeedSpringBootBeyondTheHttpTransport() {
		noClasses().that()
			.resideInAPackage("io.pusherspring.core..")
			.and()
			.haveNameNotMatching(HTTP_TRANSPORT)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.check(this.classes);
	}

	@Test
	void theHttpTransportUsesOnlySpringBootsHttpClientBuildersAndSslBundles() {
		noClasses().that()
			.haveNameMatching(HTTP_TRANSPORT)
			.should()
			.dependOnClassesThat(resideInAPackage("org.springframework.boot..")
				.and(not(resideInAnyPackage("org.springframework.boot.http.client", "org.springframework.boot.ssl"))))
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
