package io.pusherspring.integration.operating;

import io.pusherspring.integration.operating.Actuator.Answer;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code pusher} component of {@code /actuator/health} is DOWN, with the reason and
 * never the secret, when Pusher refuses the credentials or cannot be reached; the
 * readiness group stays UP, so a Pusher outage does not take the application out of its
 * load balancer.
 */
class PusherHealthDownTests {

	static final String WRONG_SECRET = "not-the-fake-servers-secret";

	@Nested
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoint.health.show-details=always",
					"management.endpoint.health.probes.enabled=true",
					"management.health.pusher.cache.time-to-live=0s" })
	class WhenPusherRejectsTheCredentials {

		@RegisterExtension
		static FakePusherServer pusher = new FakePusherServer();

		@DynamicPropertySource
		static void pusherProperties(DynamicPropertyRegistry registry) {
			withWrongSecret(pusher, registry);
		}

		@LocalServerPort
		private int port;

		@Test
		void isDownWithTheReasonAndNeverTheSecret() throws Exception {
			Answer health = Actuator.get(this.port, "/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().at("/components/pusher/status").stringValue()).isEqualTo("DOWN");
			assertThat(health.json().at("/components/pusher/details/httpStatus").intValue()).isEqualTo(401);
			assertThat(health.json().at("/components/pusher/details/reason").stringValue())
				.startsWith("Pusher rejected the credentials (HTTP 401)");
			assertThat(health.body()).doesNotContain(WRONG_SECRET)
				.doesNotContain(pusher.getSecret())
				.doesNotContain("auth_signature");
			assertThat(pusher.requests()).singleElement()
				.satisfies((request) -> assertThat(request.status()).isEqualTo(401));
		}

		@Test
		void leavesTheApplicationReadyAndLive() throws Exception {
			Answer readiness = Actuator.get(this.port, "/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(200);
			assertThat(readiness.json().at("/status").stringValue()).isEqualTo("UP");
			assertThat(readiness.body()).doesNotContain("pusher");
			assertThat(Actuator.get(this.port, "/actuator/health/liveness").status()).isEqualTo(200);
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoint.health.show-details=always", "pusher.app-id=1", "pusher.key=key",
					"pusher.secret=" + WRONG_SECRET, "pusher.scheme=http", "pusher.host=127.0.0.1", "pusher.port=1",
					"pusher.http.connect-timeout=500ms" })
	class WhenPusherCannotBeReached {

		@LocalServerPort
		private int port;

		@Test
		void isDownWithTheReasonAndNeverTheSecret() throws Exception {
			Answer health = Actuator.get(this.port, "/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.json().at("/components/pusher/status").stringValue()).isEqualTo("DOWN");
			assertThat(health.json().at("/components/pusher/details/reason").stringValue())
				.startsWith("Pusher could not be reached: ")
				.contains("nothing was sent");
			assertThat(health.json().at("/components/pusher/details/endpoint").stringValue())
				.isEqualTo("http://127.0.0.1:1");
			assertThat(health.body()).doesNotContain(WRONG_SECRET);
		}

	}

	@Nested
	@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = { "management.endpoint.health.probes.enabled=true",
					"management.health.pusher.cache.time-to-live=0s" })
	@TestPropertySource("/io/pusherspring/integration/operating/docs/readiness-with-pusher.properties")
	class WhenTheApplicationOptsPusherIntoReadiness {

		@RegisterExtension
		static FakePusherServer pusher = new FakePusherServer();

		@DynamicPropertySource
		static void pusherProperties(DynamicPropertyRegistry registry) {
			withWrongSecret(pusher, registry);
		}

		@LocalServerPort
		private int port;

		@Test
		void aPusherOutageMakesTheApplicationUnready() throws Exception {
			Answer readiness = Actuator.get(this.port, "/actuator/health/readiness");
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.json().at("/status").stringValue()).isEqualTo("DOWN");
			assertThat(Actuator.get(this.port, "/actuator/health/liveness").status()).isEqualTo(200);
		}

	}

	static void withWrongSecret(FakePusherServer pusher, DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
		registry.add("pusher.secret", () -> WRONG_SECRET);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
