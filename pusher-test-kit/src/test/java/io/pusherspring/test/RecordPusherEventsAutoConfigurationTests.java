package io.pusherspring.test;

import java.util.concurrent.CompletableFuture;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.test.simulator.RecordingPusherTransport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordPusherEventsAutoConfiguration}.
 */
class RecordPusherEventsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(RecordPusherEventsAutoConfiguration.class, PusherAutoConfiguration.class));

	@Test
	void suppliesTestCredentialsWhenNoneAreSet() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(PusherConnectionDetails.class).getCredentials())
				.isEqualTo(new PusherCredentials("test-app-id", "test-key", "test-secret"));
		});
	}

	@Test
	void usesTheCredentialsThatAreSet() {
		this.contextRunner.withPropertyValues("pusher.app-id=42", "pusher.key=app-key", "pusher.secret=app-secret")
			.run((context) -> assertThat(context.getBean(PusherConnectionDetails.class).getCredentials())
				.isEqualTo(new PusherCredentials("42", "app-key", "app-secret")));
	}

	@Test
	void fillsInOnlyTheCredentialsThatAreMissing() {
		this.contextRunner.withPropertyValues("pusher.key=app-key")
			.run((context) -> assertThat(context.getBean(PusherConnectionDetails.class).getCredentials())
				.isEqualTo(new PusherCredentials("test-app-id", "app-key", "test-secret")));
	}

	@Test
	void treatsAnUnresolvedPlaceholderAsMissing() {
		this.contextRunner
			.withPropertyValues("pusher.app-id=1234567", "pusher.key=app-key",
					"pusher.secret=${PUSHER_SECRET_NOT_DEFINED_ANYWHERE}")
			.run((context) -> assertThat(context.getBean(PusherConnectionDetails.class).getCredentials())
				.isEqualTo(new PusherCredentials("1234567", "app-key", "test-secret")));
	}

	@Test
	void keepsTheApplicationsConnectionDetails() {
		this.contextRunner.withUserConfiguration(ConnectionDetailsConfiguration.class)
			.run((context) -> assertThat(context.getBean(PusherConnectionDetails.class).getKey()).isEqualTo("own-key"));
	}

	@Test
	void replacesTheHttpTransportAndKeepsTheTemplate() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(PusherTransport.class)
				.hasSingleBean(RecordingPusherTransport.class)
				.doesNotHaveBean(HttpPusherTransport.class)
				.hasSingleBean(PusherOperations.class)
				.hasSingleBean(PusherRecorder.class);
			context.getBean(PusherOperations.class).trigger("private-user-42", "ready", "{}");
			assertThat(context.getBean(PusherRecorder.class)).hasTriggered("private-user-42", "ready");
		});
	}

	@Test
	void takesPrecedenceOverTheApplicationsTransport() {
		this.contextRunner.withUserConfiguration(TransportConfiguration.class).run((context) -> {
			context.getBean(PusherOperations.class).trigger("private-user-42", "ready", "{}");
			assertThat(context.getBean(PusherRecorder.class)).hasTriggered("private-user-42", "ready");
		});
	}

	@Test
	void recordsIntoTheApplicationsRecorder() {
		this.contextRunner.withUserConfiguration(RecorderConfiguration.class).run((context) -> {
			context.getBean(PusherOperations.class).trigger("private-user-42", "ready", "{}");
			assertThat(RecorderConfiguration.recorder).hasTriggered("private-user-42", "ready");
		});
	}

	@Test
	void answersWithTheConfiguredPayloadLimit() {
		String large = "\"" + "x".repeat(15 * 1024) + "\"";
		this.contextRunner.withPropertyValues("pusher.limits.max-payload-size=20KB").run((context) -> {
			context.getBean(PusherOperations.class).trigger("private-user-42", "large", large);
			RecordingPusherTransport transport = context.getBean(RecordingPusherTransport.class);
			PusherResponse answer = transport.exchange(PusherRequest.post("/events",
					"{\"name\":\"large\",\"channels\":[\"c\"],\"data\":\"" + "x".repeat(21 * 1024) + "\"}"));
			assertThat(answer.statusCode()).isEqualTo(413);
			assertThat(answer.body()).contains("the limit is 20480");
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class ConnectionDetailsConfiguration {

		@Bean
		PusherConnectionDetails ownConnectionDetails() {
			return ConnectionDetailsFixture.of("own-key", "own-secret");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TransportConfiguration {

		@Bean
		PusherTransport failingTransport() {
			return (request) -> CompletableFuture.failedFuture(new IllegalStateException("Not this transport"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecorderConfiguration {

		static final PusherRecorder recorder = new PusherRecorder();

		@Bean
		PusherRecorder ownRecorder() {
			return recorder;
		}

	}

}
