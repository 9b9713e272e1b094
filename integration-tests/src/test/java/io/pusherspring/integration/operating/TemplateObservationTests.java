package io.pusherspring.integration.operating;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The observations of the auto-configured template over real HTTP, against
 * {@link FakePusherServer} and its faults: one observation per call, whatever the
 * attempts, named {@code pusher.template} and tagged with the outcome and error type.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
@SpringBootTest(classes = TemplateObservationTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "pusher.retry.delay=1ms", "pusher.http.read-timeout=300ms" })
class TemplateObservationTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private PusherOperations pusherOperations;

	@Autowired
	private TestObservationRegistry observations;

	@BeforeEach
	void forgetEarlierObservations() {
		this.observations.clear();
	}

	@Test
	void aTriggerThatPusherAcceptsIsASuccess() {
		this.pusherOperations.trigger(List.of("private-class-7", "presence-class-7"), "quiz.started", Map.of("id", 1));
		assertThat(pusher.recorder()).hasTriggered("private-class-7", "quiz.started");
		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("operation", "trigger")
			.hasLowCardinalityKeyValue("event", "quiz.started")
			.hasLowCardinalityKeyValue("channel.kind", "mixed")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("error.type", "none")
			.hasHighCardinalityKeyValue("channels", "private-class-7,presence-class-7")
			.doesNotHaveError();
	}

	@Test
	void aClientErrorIsObservedOnceWithItsStatus() {
		pusher.failNext(1, 400);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.pusherOperations.trigger("class-7", "quiz.started", Map.of("id", 1)));
		assertThat(pusher.requests()).hasSize(1);
		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "client_error")
			.hasLowCardinalityKeyValue("error.type", "400")
			.assertThatError()
			.isInstanceOf(PusherApiException.class);
	}

	@Test
	void aServerErrorRetriedToExhaustionIsObservedOnceWithTheLastStatus() {
		pusher.failNext(2, 500).failNext(1, 503);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.pusherOperations.trigger("class-7", "quiz.started", Map.of("id", 1)));
		assertThat(pusher.requests()).hasSize(3);
		assertThat(pusher.recorder()).hasNoEvents();
		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "server_error")
			.hasLowCardinalityKeyValue("error.type", "503");
	}

	@Test
	void aTimeoutIsAnIoErrorOfTypeTimeout() {
		pusher.delay(Duration.ofSeconds(1));
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> this.pusherOperations.trigger("class-7", "quiz.started", Map.of("id", 1)));
		assertThat(this.observations).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "io_error")
			.hasLowCardinalityKeyValue("error.type", "timeout");
	}

	@Test
	void aDroppedConnectionIsAnIoErrorOfTypeConnection() {
		pusher.dropNextConnection().dropNextConnection().dropNextConnection();
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> this.pusherOperations.trigger("class-7", "quiz.started", Map.of("id", 1)));
		assertThat(this.observations).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "io_error")
			.hasLowCardinalityKeyValue("error.type", "connection");
	}

	@Test
	void anAsynchronousTriggerIsObservedUntilItCompletes() {
		pusher.failNext(3, 502);
		assertThatExceptionOfType(CompletionException.class).isThrownBy(
				() -> this.pusherOperations.triggerAsync(PusherMessage.of("class-7", "quiz.started", Map.of("id", 1)))
					.join());
		assertThat(this.observations).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "server_error")
			.hasLowCardinalityKeyValue("error.type", "502");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
