package io.pusherspring.integration.conformance;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.local.JavaClient;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HTTP API refuses what Pusher refuses, with Pusher's status codes, which the starter
 * turns into exceptions. The starter validates its own requests before sending them, so
 * these scenarios send raw signed requests where they need to.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class HttpApiConformanceTests extends ConformanceTest {

	private static final JsonMapper json = JsonMapper.shared();

	@Test
	void aRequestSignedWithAnotherSecretIsRefusedWith401() {
		String body = event(channel("news-"), "posted", "{}");
		HttpResponse<String> response = this.environment.signedRequest("not-the-secret", "POST", "/events", body,
				now());
		assertRefused(response, 401);
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void theStarterThrowsWhenTheServerRefusesItsCredentials(CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class))
			.withPropertyValues("pusher.app-id=" + ServerEnvironment.APP_ID, "pusher.key=" + ServerEnvironment.KEY,
					"pusher.secret=not-the-secret", "pusher.host=127.0.0.1", "pusher.port=" + this.environment.port(),
					"pusher.scheme=http", "pusher.retry.max-retries=0")
			.run((context) -> {
				PusherOperations operations = context.getBean(PusherOperations.class);
				if (this.server.differsIn(SoketiDifference.HTTP_ERRORS_ANSWERED_WITH_200)) {
					// the starter, following Pusher's status codes, sees a success
					operations.trigger(channel("news-"), "posted", Map.of("text", "lost"));
				}
				else {
					assertThatExceptionOfType(PusherApiException.class)
						.isThrownBy(() -> operations.trigger(channel("news-"), "posted", Map.of("text", "lost")))
						.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(401));
				}
			});
		if (!this.server.differsIn(SoketiDifference.HTTP_ERRORS_ANSWERED_WITH_200)) {
			assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("Failed to publish 'posted' to news-")
				.contains("HTTP 401");
		}
		assertThat(output).doesNotContain("\tat ").doesNotContain("not-the-secret");
	}

	@Test
	void aRequestSignedLongAgoIsRefused() {
		String body = event(channel("news-"), "posted", "{}");
		HttpResponse<String> response = this.environment.signedRequest(ServerEnvironment.SECRET, "POST", "/events",
				body, now() - 3600);
		if (this.server.differsIn(SoketiDifference.STALE_TIMESTAMPS_ACCEPTED)) {
			assertAccepted(response);
		}
		else {
			assertRefused(response, 401);
		}
	}

	@Test
	void eventDataOver10KBIsRefusedWith413() {
		String body = event(channel("news-"), "posted", "x".repeat(11 * 1024));
		HttpResponse<String> response = this.environment.signedRequest(ServerEnvironment.SECRET, "POST", "/events",
				body, now());
		if (this.server.differsIn(SoketiDifference.LARGER_LIMITS)) {
			assertAccepted(response);
		}
		else {
			assertRefused(response, 413);
		}
	}

	@Test
	void reservedEventNamesInvalidChannelNamesAndAnEncryptedChannelAmongOthersAreRefused() {
		List<String> bodies = List.of(event(channel("news-"), "pusher:spoofed", "{}"),
				event("not a channel!", "posted", "{}"), json.writeValueAsString(Map.of("name", "posted", "data", "{}",
						"channels", List.of(channel("news-"), channel("private-encrypted-room-")))));
		for (String body : bodies) {
			HttpResponse<String> response = this.environment.signedRequest(ServerEnvironment.SECRET, "POST", "/events",
					body, now());
			if (this.server.differsIn(SoketiDifference.HTTP_API_VALIDATION_MISSING)) {
				assertAccepted(response);
			}
			else {
				assertRefused(response, 400);
			}
		}
	}

	@Test
	void anEventWithEmptyDataIsDelivered() throws Exception {
		String channel = channel("news-");
		try (JavaClient ada = this.environment.javaClient("ada")) {
			ada.subscribe(channel, "pinged");
			this.environment.operations().trigger(channel, "pinged", "");
			if (this.server.differsIn(SoketiDifference.EMPTY_DATA_REFUSED)) {
				// refused with a 400 that comes as a 200: the starter cannot tell
				ada.expectNothing(QUIET);
				HttpResponse<String> response = this.environment.signedRequest(ServerEnvironment.SECRET, "POST",
						"/events", event(channel, "pinged", ""), now());
				assertThat(json.readTree(response.body()).path("code").asInt()).isEqualTo(400);
			}
			else {
				assertThat(ada.next()).isEqualTo("pinged on " + channel + ": ");
			}
		}
	}

	private void assertRefused(HttpResponse<String> response, int status) {
		if (this.server.differsIn(SoketiDifference.HTTP_ERRORS_ANSWERED_WITH_200)) {
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body()).path("code").asInt()).as(response.body()).isEqualTo(status);
		}
		else {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		}
	}

	private static void assertAccepted(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).has("error")).as(response.body()).isFalse();
	}

	private static String event(String channel, String name, String data) {
		return json.writeValueAsString(Map.of("name", name, "channel", channel, "data", data));
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
