package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.pusherspring.docs.GuideSources.Include;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The quick start's {@code application.properties}, the file the guide's Getting started
 * page shows, in a real {@link SpringApplication} start-up with {@code PUSHER_SECRET}
 * unset: start-up fails with a report that names the property and the variable, instead
 * of signing every request with the text {@code ${PUSHER_SECRET}}, and the report is the
 * one the page shows ({@code missing-secret-report.txt}).
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class QuickStartCredentialsTests {

	private static final String PROPERTIES = "docs/src/it/quickstart/src/main/resources/application.properties";

	private static final String REPORT = "docs/src/test/resources/io/pusherspring/docs/missing-secret-report.txt";

	@Test
	void gettingStartedShowsTheQuickStartsPropertiesFileAndTheReport() throws IOException {
		Path page = Repository.GUIDE_SOURCES.resolve("getting-started.adoc");
		assertThat(GuideSources.includes(page)).extracting(Include::repositoryPath).contains(PROPERTIES, REPORT);
		assertThat(Files.readAllLines(Repository.ROOT.resolve(PROPERTIES))).contains("pusher.secret=${PUSHER_SECRET}");
	}

	@Test
	void unsetPusherSecretFailsStartupNamingThePropertyAndTheVariable(CapturedOutput output) throws IOException {
		SpringApplication application = new SpringApplication(QuickStartApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environmentWithout("PUSHER_SECRET"));
		Path properties = Repository.ROOT.resolve(PROPERTIES);
		assertThatException().isThrownBy(() -> application.run("--spring.config.location=file:" + properties));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pusher.secret refers to ${PUSHER_SECRET}, but no environment variable or property named "
					+ "PUSHER_SECRET is defined")
			.contains("Set PUSHER_SECRET (used by pusher.secret)")
			.doesNotContain("pusher.app-id (environment variable")
			.doesNotContain("pusher.key (environment variable")
			.doesNotContain("\tat ");
		assertThat(shownReport()).allSatisfy((line) -> assertThat(output).contains(line));
	}

	/**
	 * The lines of the start-up report the guide shows, which must be what a real
	 * start-up prints.
	 */
	private static List<String> shownReport() throws IOException {
		List<String> report = Files.readAllLines(Repository.ROOT.resolve(REPORT));
		assertThat(report).contains("APPLICATION FAILED TO START");
		return report.stream().filter((line) -> !line.isBlank()).toList();
	}

	private static StandardEnvironment environmentWithout(String variable) {
		StandardEnvironment environment = new StandardEnvironment();
		Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
		variables.remove(variable);
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return environment;
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class QuickStartApplication {

	}

}
