package io.pusherspring.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import com.pusher.rest.SignatureUtil;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.webhook.WebhookOverHttpApplications.ReceivedEntries;
import io.pusherspring.webhook.WebhookOverHttpApplications.Stack;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ConfigurableApplicationContext;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same webhook deliveries to a Spring MVC and a Spring WebFlux application, over real
 * HTTP: the same checks in the same order (405, 413, 401 for an unknown key, 401 for a
 * bad signature, 400 when malformed, 401 outside the maximum age), the same answers, the
 * same events, each entry once, and the same observations.
 */
class WebhooksOnBothStacksTests {

	private static final Map<Stack, ConfigurableApplicationContext> apps = new EnumMap<>(Stack.class);

	private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@AfterAll
	static void stop() {
		apps.values().forEach(ConfigurableApplicationContext::close);
	}

	private static synchronized ConfigurableApplicationContext app(Stack stack) {
		return apps.computeIfAbsent(stack, (key) -> key.start("spring.application.name=webhooks-on-both-stacks"));
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void publishesEachEntryOfAVerifiedDeliveryOnceAndAnswers200(Stack stack) throws Exception {
		String channel = "private-" + UUID.randomUUID();
		String body = SignedWebhooks.body(Instant.now(), occupied(channel),
				"{\"name\":\"member_added\",\"channel\":\"presence-" + channel.substring(8) + "\",\"user_id\":\"u1\"}");
		HttpResponse<String> first = post(stack, body, SignedWebhooks.KEY,
				SignatureUtil.sign(body, SignedWebhooks.SECRET));
		HttpResponse<String> retry = post(stack, body, SignedWebhooks.KEY,
				SignatureUtil.sign(body, SignedWebhooks.SECRET));
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).isEmpty();
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(entries(stack).events).filteredOn((event) -> event.channel().endsWith(channel.substring(8)))
			.hasSize(2)
			.satisfiesExactly(
					(occupied) -> assertThat(occupied).isInstanceOfSatisfying(ChannelOccupied.class,
							(event) -> assertThat(event.channel()).isEqualTo(channel)),
					(added) -> assertThat(added).isInstanceOfSatisfying(MemberAdded.class,
							(event) -> assertThat(event.userId()).isEqualTo("u1")));
		TestObservationRegistry registry = app(stack).getBean(TestObservationRegistry.class);
		await().untilAsserted(() -> assertThat(registry)
			.hasAnObservation(
					(observation) -> observation.hasNameEqualTo(DefaultPusherWebhookObservationConvention.NAME)
						.hasLowCardinalityKeyValue("outcome", "accepted")
						.hasHighCardinalityKeyValue("events", "channel_occupied,member_added"))
			.hasAnObservation(
					(observation) -> observation.hasNameEqualTo(DefaultPusherWebhookEventObservationConvention.NAME)));
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	@ExtendWith(QuietOutputCaptureExtension.class)
	void answers500WhenAListenerThrowsSoThatPusherRetries(Stack stack, CapturedOutput output) throws Exception {
		app(stack);
		String body = SignedWebhooks.body(Instant.now(), occupied(WebhookOverHttpApplications.FAILING_CHANNEL));
		HttpResponse<String> response = post(stack, body, SignedWebhooks.KEY,
				SignatureUtil.sign(body, SignedWebhooks.SECRET));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("1 of 1 webhook events failed; retry");
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("A listener failed on Pusher webhook event channel_occupied")
			.endsWith("answering 500 so that Pusher retries: java.lang.IllegalStateException: listener failed");
		assertThat(output).doesNotContain("\tat ").doesNotContain(SignedWebhooks.SECRET);
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesOtherMethodsWith405(Stack stack) throws Exception {
		HttpResponse<String> response = client.send(
				HttpRequest.newBuilder(uri(stack)).GET().timeout(Duration.ofSeconds(30)).build(),
				BodyHandlers.ofString());
		rejected(response, 405, "only POST is allowed");
		assertThat(response.headers().firstValue("Allow")).hasValue("POST");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesABodyOverTheMaximumSizeWith413BeforeCheckingTheKey(Stack stack) throws Exception {
		String body = SignedWebhooks.body(Instant.now(), occupied("private-" + "x".repeat(3000)));
		rejected(post(stack, body, "unknown-key", "bad"), 413, "body too large");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesAnUnknownKeyWith401BeforeCheckingTheSignature(Stack stack) throws Exception {
		String body = SignedWebhooks.body(Instant.now(), occupied("private-a"));
		rejected(post(stack, body, "unknown-key", "bad"), 401, "unknown key");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesABadSignatureWith401BeforeParsing(Stack stack) throws Exception {
		rejected(post(stack, "not json", SignedWebhooks.KEY, SignatureUtil.sign("other", SignedWebhooks.SECRET)), 401,
				"invalid signature");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesASignedMalformedBodyWith400(Stack stack) throws Exception {
		String body = "{\"time_ms\":\"soon\",\"events\":7}";
		rejected(post(stack, body, SignedWebhooks.KEY, SignatureUtil.sign(body, SignedWebhooks.SECRET)), 400,
				"malformed body");
	}

	@ParameterizedTest
	@EnumSource(Stack.class)
	void refusesADeliveryOlderThanTheMaximumAgeWith401(Stack stack) throws Exception {
		String body = SignedWebhooks.body(Instant.now().minus(Duration.ofHours(1)), occupied("private-old"));
		rejected(post(stack, body, SignedWebhooks.KEY, SignatureUtil.sign(body, SignedWebhooks.SECRET)), 401,
				"expired");
		TestObservationRegistry registry = app(stack).getBean(TestObservationRegistry.class);
		await().untilAsserted(() -> assertThat(registry).hasAnObservation(
				(observation) -> observation.hasNameEqualTo(DefaultPusherWebhookObservationConvention.NAME)
					.hasLowCardinalityKeyValue("outcome", "rejected")
					.hasLowCardinalityKeyValue("reason", "expired")));
	}

	private static void rejected(HttpResponse<String> response, int status, String reason) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).isEqualTo("Pusher webhook rejected: " + reason);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type.replace(" ", "").toLowerCase()).isEqualTo("text/plain;charset=utf-8"));
	}

	private static String occupied(String channel) {
		return "{\"name\":\"channel_occupied\",\"channel\":\"" + channel + "\"}";
	}

	private static ReceivedEntries entries(Stack stack) {
		return app(stack).getBean(ReceivedEntries.class);
	}

	private static URI uri(Stack stack) {
		int port = app(stack).getEnvironment().getRequiredProperty("local.server.port", Integer.class);
		return URI.create("http://127.0.0.1:" + port + SignedWebhooks.PATH);
	}

	private static HttpResponse<String> post(Stack stack, String body, String key, String signature) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(stack))
			.POST(BodyPublishers.ofString(body))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("X-Pusher-Key", key)
			.header("X-Pusher-Signature", signature)
			.build();
		return client.send(request, BodyHandlers.ofString());
	}

}
