package io.pusherspring.health;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.pusherspring.SettableClock;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.ScriptedTransport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherHealthIndicator}.
 */
class PusherHealthIndicatorTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:15:30Z"));

	private final PusherHealthIndicator indicator = new PusherHealthIndicator(this.transport, Duration.ofSeconds(10),
			this.clock);

	@Test
	void isUpWhenPusherAnswersOneSignedChannelQuery() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("httpStatus", 200)
			.containsEntry("checkedAt", this.clock.instant().toString())
			.doesNotContainKey("reason");
		assertThat(this.transport.requests()).singleElement()
			.satisfies(
					(request) -> assertThat(request.describe()).isEqualTo("GET /channels/pusher-spring-boot-health"));
	}

	@Test
	void isDownWithTheReasonWhenPusherRejectsTheCredentials() {
		this.transport.thenAnswer(new PusherResponse(401,
				"Invalid signature: you should have sent HmacSHA256Hex(\"GET\\n/apps/3/channels\\nauth_key=k\", secret)"));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", 401)
			.containsEntry("reason", "Pusher rejected the credentials (HTTP 401): check pusher.key and pusher.secret");
		assertThat(health.toString()).doesNotContain("HmacSHA256Hex").doesNotContain("auth_key");
	}

	@ParameterizedTest
	@ValueSource(ints = { 400, 403, 404, 500, 503 })
	void isDownWhenPusherAnswersAnotherError(int status) {
		this.transport.thenAnswer(status);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("httpStatus", status)
			.hasEntrySatisfying("reason", (reason) -> assertThat(reason).asString().contains("HTTP " + status));
	}

	@Test
	void isUpWhenPusherRateLimitsTheApp() {
		this.transport.thenAnswer(429);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void isDownWhenPusherCannotBeReached() {
		this.transport.thenFail(() -> new PusherConnectionException(
				"GET /channels/pusher-spring-boot-health did not complete: ConnectException: Connection refused (nothing was sent)",
				null, false));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).doesNotContainKey("httpStatus")
			.hasEntrySatisfying("reason",
					(reason) -> assertThat(reason).asString()
						.startsWith("Pusher could not be reached: ")
						.contains("Connection refused"));
	}

	@Test
	void isDownWithOnlyTheExceptionTypeWhenTheTransportFailsOtherwise() {
		this.transport.thenFail(() -> new IllegalStateException("secret=abc"));
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason",
				"the health check failed: java.lang.IllegalStateException");
	}

	@Test
	void keepsAnAnswerForItsTimeToLive() {
		this.transport.thenAnswer(401);
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		this.clock.advance(Duration.ofSeconds(9));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.transport.requests()).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void asksEveryTimeWithoutATimeToLive() {
		PusherHealthIndicator uncached = new PusherHealthIndicator(this.transport, Duration.ZERO, this.clock);
		uncached.health();
		uncached.health();
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void namesTheEndpointOfAnHttpTransport() throws Exception {
		try (HttpPusherTransport http = new HttpPusherTransport(new PusherCredentials("3", "key", "secret"),
				URI.create("http://127.0.0.1:1"),
				new HttpPusherTransport.Settings(Duration.ofMillis(200), Duration.ofMillis(200), 1))) {
			Health health = new PusherHealthIndicator(http, Duration.ZERO).health();
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("endpoint", "http://127.0.0.1:1");
			assertThat(health.toString()).doesNotContain("secret");
		}
	}

}
