package io.pusherspring.test.context;

import java.util.HashMap;
import java.util.Map;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The test credentials the test kit gives every test's application context, in real
 * {@code @SpringBootTest} contexts of an application that has none or leaves its secret
 * to {@code ${PUSHER_TEST_KIT_EXAMPLE_SECRET}}, a variable that no machine sets (the
 * quick start's {@code application.properties} with another variable name).
 */
class PusherTestCredentialsIntegrationTests {

	private static final String FROM_ENVIRONMENT = "spring.config.name=credentials-from-environment";

	@Nested
	@SpringBootTest(classes = Application.class)
	class WithoutCredentials {

		@Autowired
		private ConfigurableApplicationContext context;

		@Test
		void contextLoadsWithTheTestCredentialsAndTheRealTransport() {
			assertThat(credentials(this.context)).isEqualTo(PusherTestCredentials.CREDENTIALS);
			assertThat(this.context.getBean(PusherTransport.class)).isInstanceOf(HttpPusherTransport.class);
		}

		@Test
		void suppliesThemAtTheLowestPrecedence() {
			ConfigurableEnvironment environment = this.context.getEnvironment();
			assertThat(
					environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
				.isEqualTo(PusherTestCredentialsContextCustomizer.PROPERTY_SOURCE_NAME);
			assertThat(environment.getProperty("pusher.secret")).isEqualTo("test-secret");
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, properties = FROM_ENVIRONMENT)
	class WithAnUnresolvedSecret {

		@Autowired
		private ConfigurableApplicationContext context;

		@Test
		void keepsTheApplicationsAppIdAndKeyAndResolvesTheSecretToTheTestSecret() {
			assertThat(credentials(this.context))
				.isEqualTo(new PusherCredentials("1234567", "278d425bdf160c739803", "test-secret"));
			assertThat(this.context.getEnvironment().getProperty("PUSHER_TEST_KIT_EXAMPLE_SECRET"))
				.isEqualTo("test-secret");
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, properties = { FROM_ENVIRONMENT, "pusher.secret=explicit-secret" })
	class WithATestProperty {

		@Autowired
		private ConfigurableApplicationContext context;

		@Test
		void letsTheTestPropertyWin() {
			assertThat(credentials(this.context))
				.isEqualTo(new PusherCredentials("1234567", "278d425bdf160c739803", "explicit-secret"));
			assertThat(this.context.getEnvironment()
				.getPropertySources()
				.contains(PusherTestCredentialsContextCustomizer.PROPERTY_SOURCE_NAME)).isFalse();
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, properties = FROM_ENVIRONMENT)
	@RecordPusherEvents
	class WithRecordPusherEvents {

		@Autowired
		private ConfigurableApplicationContext context;

		@Test
		void recordsWithTheApplicationsKeyAndTheTestSecret(@Autowired PusherOperations pusher,
				@Autowired PusherRecorder recorder) {
			assertThat(credentials(this.context))
				.isEqualTo(new PusherCredentials("1234567", "278d425bdf160c739803", "test-secret"));
			pusher.trigger("class-7", "announcement.posted", Map.of("text", "Quiz at ten"));
			assertThat(recorder).hasTriggered("class-7", "announcement.posted");
		}

	}

	@Nested
	@ExtendWith(QuietOutputCaptureExtension.class)
	class OutsideTests {

		@Test
		void anApplicationStartedOutsideTheTestContextFrameworkGetsNoTestCredentials(CapturedOutput output) {
			SpringApplication application = new SpringApplication(Application.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			StandardEnvironment environment = environmentWithoutPusherVariables();
			application.setEnvironment(environment);
			assertThatException().isThrownBy(() -> application.run("--" + FROM_ENVIRONMENT));
			assertThat(environment.getPropertySources()
				.contains(PusherTestCredentialsContextCustomizer.PROPERTY_SOURCE_NAME)).isFalse();
			assertThat(environment.containsProperty("PUSHER_TEST_KIT_EXAMPLE_SECRET")).isFalse();
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("pusher.secret refers to ${PUSHER_TEST_KIT_EXAMPLE_SECRET}")
				.doesNotContain("test-secret");
		}

		private static StandardEnvironment environmentWithoutPusherVariables() {
			StandardEnvironment environment = new StandardEnvironment();
			Map<String, Object> variables = new HashMap<>(environment.getSystemEnvironment());
			variables.keySet().removeIf((name) -> name.startsWith("PUSHER_"));
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables));
			return environment;
		}

	}

	private static PusherCredentials credentials(ConfigurableApplicationContext context) {
		return context.getBean(PusherConnectionDetails.class).getCredentials();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
