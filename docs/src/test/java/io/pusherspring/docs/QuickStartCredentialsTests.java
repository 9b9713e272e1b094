package io.pusherspring.docs;

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
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The quick start's {@code application.properties}, the file the README shows, in a real
 * {@link SpringApplication} start-up with {@code PUSHER_SECRET} unset: start-up fails
 * with a report that names the property and the variable, instead of signing every
 * request with the text {@code ${PUSHER_SECRET}}.
 */
@ExtendWith(OutputCaptureExtension.class)
class QuickStartCredentialsTests {

	private static final String PROPERTIES = "docs/src/it/quickstart/src/main/resources/application.properties";

	@Test
	void readmeShowsTheQuickStartsPropertiesFile() {
		ReadmeSnippets readme = ReadmeSnippets.read(ReadmeTests.ROOT.resolve("README.md"));
		assertThat(readme.blocks()).anySatisfy((block) -> {
			assertThat(block.language()).isEqualTo("properties");
			assertThat(block.marker()).isNotNull();
			assertThat(block.marker().reference()).isEqualTo(PROPERTIES);
			assertThat(block.content()).contains("pusher.secret=${PUSHER_SECRET}");
		});
	}

	@Test
	void unsetPusherSecretFailsStartupNamingThePropertyAndTheVariable(CapturedOutput output) {
		SpringApplication application = new SpringApplication(QuickStartApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setEnvironment(environmentWithout("PUSHER_SECRET"));
		Path properties = ReadmeTests.ROOT.resolve(PROPERTIES);
		assertThatException().isThrownBy(() -> application.run("--spring.config.location=file:" + properties));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("pusher.secret refers to ${PUSHER_SECRET}, but no environment variable or property named "
					+ "PUSHER_SECRET is defined")
			.contains("Set PUSHER_SECRET (used by pusher.secret)")
			.doesNotContain("pusher.app-id (environment variable")
			.doesNotContain("pusher.key (environment variable");
		assertThat(readmeStartupReport()).allSatisfy((line) -> assertThat(output).contains(line));
	}

	/**
	 * The lines of the start-up report the README shows, which must be what a real
	 * start-up prints.
	 */
	private static List<String> readmeStartupReport() {
		ReadmeSnippets readme = ReadmeSnippets.read(ReadmeTests.ROOT.resolve("README.md"));
		List<String> report = readme.blocks()
			.stream()
			.filter((block) -> block.content().contains("APPLICATION FAILED TO START"))
			.findFirst()
			.orElseThrow()
			.content();
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
