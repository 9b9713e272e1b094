package io.pusherspring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link FakePusherServer} over real HTTP, with requests signed independently of its
 * verifier.
 */
class FakePusherServerTests {

	private static final String EVENT = "{\"name\":\"created\",\"channels\":[\"orders\"],\"data\":\"{}\"}";

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@Test
	void acceptsASignedTriggerAndRecordsTheEvent() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT).send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{}");
		assertThat(pusher.recorder().events()).singleElement().satisfies((event) -> {
			assertThat(event.channels()).containsExactly("orders");
			assertThat(event.event()).isEqualTo("created");
			assertThat(event.data()).isEqualTo("{}");
		});
		assertThat(pusher.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/apps/1000/events");
			assertThat(request.status()).isEqualTo(200);
			assertThat(request.body()).isEqualTo(EVENT);
			assertThat(request.query()).containsKeys("auth_key", "auth_timestamp", "auth_version", "body_md5",
					"auth_signature");
		});
	}

	@Test
	void acceptsThePublishedSigningExample() throws Exception {
		FakePusherServer published = new FakePusherServer("3", "278d425bdf160c739803", "7ad3773142a6692b25b8",
				Clock.fixed(Instant.ofEpochSecond(1353088179), ZoneOffset.UTC));
		published.start();
		try {
			String body = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";
			SignedRequests request = SignedRequests.post(published, "/apps/3/events", body)
				.param("auth_timestamp", "1353088179");
			assertThat(request.signature())
				.isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
			assertThat(request.send().statusCode()).isEqualTo(200);
			assertThat(published.recorder().events()).singleElement()
				.satisfies((event) -> assertThat(event.data()).isEqualTo("{\"some\":\"data\"}"));
		}
		finally {
			published.stop();
		}
	}

	@Test
	void acceptsSignedQueriesWithEscapedValues() throws Exception {
		pusher.stubChannel("presence-room", 3, "alice", "bob");
		HttpResponse<String> response = SignedRequests.get(pusher, "/apps/1000/channels")
			.param("filter_by_prefix", "presence-")
			.param("info", "user_count")
			.send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"channels\":{\"presence-room\":{\"user_count\":2}}}");
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.query()).containsEntry("info", "user_count")
				.containsEntry("filter_by_prefix", "presence-"));
	}

	@Test
	void acceptsChannelNamesWithEveryAllowedCharacter() throws Exception {
		String channel = "presence-a_b-c=d@e,f.g;h";
		pusher.stubChannel(channel, 1, "alice");
		HttpResponse<String> response = SignedRequests.get(pusher, "/apps/1000/channels/" + channel + "/users").send();
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"users\":[{\"id\":\"alice\"}]}");
	}

	@Test
	void rejectsATamperedBody() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT)
			.tamperedBody(EVENT.replace("orders", "admins"))
			.send();
		assertUnauthorized(response, "body_md5");
	}

	@Test
	void rejectsAWrongKey() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT)
			.param("auth_key", "other-key")
			.send();
		assertUnauthorized(response, "auth_key");
	}

	@Test
	void rejectsAMissingKey() throws Exception {
		assertUnauthorized(SignedRequests.post(pusher, "/apps/1000/events", EVENT).param("auth_key", null).send(),
				"auth_key");
	}

	@Test
	void rejectsAStaleTimestamp() throws Exception {
		String stale = Long.toString(Instant.now().minusSeconds(601).getEpochSecond());
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT)
			.param("auth_timestamp", stale)
			.send();
		assertUnauthorized(response, "Timestamp expired");
	}

	@Test
	void rejectsATimestampFromTheFuture() throws Exception {
		// well beyond 600s, so that a request slowed into the next second still fails
		String future = Long.toString(Instant.now().plusSeconds(700).getEpochSecond());
		assertUnauthorized(
				SignedRequests.post(pusher, "/apps/1000/events", EVENT).param("auth_timestamp", future).send(),
				"Timestamp expired");
	}

	@Test
	void acceptsATimestampWithinTenMinutes() throws Exception {
		String recent = Long.toString(Instant.now().minusSeconds(590).getEpochSecond());
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT)
			.param("auth_timestamp", recent)
			.send()
			.statusCode()).isEqualTo(200);
	}

	@Test
	void rejectsAMissingBodyMd5() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT)
			.param("body_md5", null)
			.send();
		assertUnauthorized(response, "body_md5");
	}

	@Test
	void rejectsAnotherAuthVersion() throws Exception {
		assertUnauthorized(SignedRequests.post(pusher, "/apps/1000/events", EVENT).param("auth_version", "2.0").send(),
				"auth_version");
	}

	@Test
	void rejectsADuplicatedParameter() throws Exception {
		SignedRequests request = SignedRequests.get(pusher, "/apps/1000/channels");
		HttpResponse<String> response = new SignedRequestWithExtraQuery(request, "&auth_key=fake-key").send();
		assertUnauthorized(response, "Duplicate");
	}

	@Test
	void rejectsAWrongSignatureEchoingIt() throws Exception {
		SignedRequests request = SignedRequests.post(pusher, "/apps/1000/events", EVENT).secret("wrong-secret");
		HttpResponse<String> response = request.send();
		assertUnauthorized(response, "Invalid signature: Expected HMAC SHA256 hex digest of POST\n/apps/1000/events\n");
		assertThat(response.body()).endsWith(", but got " + request.signature());
	}

	@Test
	void rejectsASignatureThatDiffersOnlyInCase() throws Exception {
		SignedRequests request = SignedRequests.post(pusher, "/apps/1000/events", EVENT);
		String upperCase = request.signature().toUpperCase();
		assertUnauthorized(request.signature(upperCase).send(), "Invalid signature");
	}

	@Test
	void rejectsASignatureOverAnotherPath() throws Exception {
		SignedRequests request = SignedRequests.get(pusher, "/apps/1000/channels");
		String otherPath = SignedRequests.get(pusher, "/apps/1000/channels/private-x").signature();
		assertUnauthorized(request.signature(otherPath).send(), "Invalid signature");
	}

	@Test
	void answersNotFoundForAnotherApp() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/999/events", EVENT).send();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void answersNotFoundOutsideTheApi() throws Exception {
		assertThat(SignedRequests.get(pusher, "/status").send().statusCode()).isEqualTo(404);
		assertThat(pusher.requests()).singleElement().satisfies((request) -> {
			assertThat(request.path()).isEqualTo("/status");
			assertThat(request.status()).isEqualTo(404);
		});
	}

	@Test
	void answersPayloadTooLargeAboveTenKilobytes() throws Exception {
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", trigger(10 * 1024 + 1)).send();
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", trigger(10 * 1024)).send().statusCode())
			.isEqualTo(200);
	}

	@Test
	void acceptsLargerPayloadsWhenTheLimitIsRaised() throws Exception {
		pusher.maxPayloadSize(DataSize.ofKilobytes(20));
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", trigger(15 * 1024)).send().statusCode())
			.isEqualTo(200);
	}

	@Test
	void failsTheNextRequestsWithoutRecordingThem() throws Exception {
		pusher.failNext(2, 503);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(503);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(503);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(503, 503, 200);
	}

	@Test
	void failsRequestsWhateverTheirSignature() throws Exception {
		pusher.failNext(1, 429);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).secret("wrong").send().statusCode())
			.isEqualTo(429);
	}

	@Test
	void dropsTheNextConnection() throws Exception {
		pusher.dropNextConnection();
		assertThatException().isThrownBy(() -> SignedRequests.post(pusher, "/apps/1000/events", EVENT).send())
			.isInstanceOf(IOException.class);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(ReceivedRequest.DROPPED, 200);
	}

	@Test
	void answersWithRetryAfter() throws Exception {
		pusher.failNext(1, 429, "7");
		HttpResponse<String> response = SignedRequests.post(pusher, "/apps/1000/events", EVENT).send();
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.fault()).isEqualTo(ReceivedRequest.Fault.ERROR_STATUS));
	}

	@Test
	void closesTheNextConnectionAfterAcceptingItsEvent() throws Exception {
		pusher.closeNextConnectionAfterAccepting();
		assertThatException().isThrownBy(() -> SignedRequests.post(pusher, "/apps/1000/events", EVENT).send())
			.isInstanceOf(IOException.class);
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).singleElement().satisfies((request) -> {
			assertThat(request.status()).isEqualTo(ReceivedRequest.DROPPED);
			assertThat(request.fault()).isEqualTo(ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING);
			assertThat(request.isHandledWithoutTimelyAnswer()).isTrue();
		});
	}

	@Test
	void answersTheNextRequestLateAfterAcceptingItsEvent() throws Exception {
		pusher.answerNextLate(Duration.ofMillis(300));
		long start = System.nanoTime();
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(pusher.requests()).extracting(ReceivedRequest::fault)
			.containsExactly(ReceivedRequest.Fault.SLOW_ANSWER, null);
	}

	@Test
	void drawsRandomFaultsFromASeededSequence() throws Exception {
		List<ReceivedRequest.Fault> first = randomFaults(42);
		List<ReceivedRequest.Fault> again = randomFaults(42);
		List<ReceivedRequest.Fault> other = randomFaults(7);
		assertThat(first).hasSize(40).isEqualTo(again).isNotEqualTo(other);
		assertThat(first).contains(ReceivedRequest.Fault.ERROR_STATUS, ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING,
				null);
	}

	@Test
	void plannedFaultsComeBeforeRandomOnesAndResetForgetsBoth() throws Exception {
		pusher.injectRandomFaults(RandomFaults.seeded(1).status(1.0, 502)).failNext(1, 418);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(418);
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(502);
		pusher.reset();
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
	}

	@Test
	void refusesProbabilitiesOverOne() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RandomFaults.seeded(1).status(0.6, 500).dropConnection(0.5))
			.withMessageContaining("more than 1");
	}

	private static List<ReceivedRequest.Fault> randomFaults(long seed) throws Exception {
		pusher.reset();
		pusher.injectRandomFaults(RandomFaults.seeded(seed).status(0.3, 503).closeAfterAccepting(0.3));
		for (int i = 0; i < 40; i++) {
			try {
				SignedRequests.post(pusher, "/apps/1000/events", EVENT).send();
			}
			catch (IOException ex) {
				// a closed connection
			}
		}
		List<ReceivedRequest> requests = pusher.requests();
		long recorded = pusher.recorder().events().size();
		assertThat(recorded).isEqualTo(
				requests.stream().filter((request) -> request.fault() != ReceivedRequest.Fault.ERROR_STATUS).count());
		return requests.stream().map(ReceivedRequest::fault).toList();
	}

	@Test
	void delaysEveryAnswer() throws Exception {
		pusher.delay(Duration.ofMillis(300));
		long start = System.nanoTime();
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		pusher.delay(Duration.ZERO);
		start = System.nanoTime();
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
	}

	@Test
	void stubsChannelsAndRecordsTerminatedUsers() throws Exception {
		pusher.stubChannel("presence-room", 5, "alice", "bob");
		assertThat(SignedRequests.get(pusher, "/apps/1000/channels/presence-room")
			.param("info", "user_count,subscription_count")
			.send()
			.body()).isEqualTo("{\"occupied\":true,\"user_count\":2,\"subscription_count\":5}");
		assertThat(
				SignedRequests.post(pusher, "/apps/1000/users/alice/terminate_connections", "{}").send().statusCode())
			.isEqualTo(200);
		assertThat(pusher.terminatedUsers()).containsExactly("alice");
	}

	@Test
	void resetForgetsEventsRequestsStubsFaultsAndLimits() throws Exception {
		SignedRequests.post(pusher, "/apps/1000/events", EVENT).send();
		pusher.stubChannel("presence-room", 1, "alice")
			.maxPayloadSize(DataSize.ofKilobytes(20))
			.failNext(1, 500)
			.dropNextConnection()
			.delay(Duration.ofSeconds(5));
		pusher.reset();
		assertThat(pusher.recorder().events()).isEmpty();
		assertThat(pusher.requests()).isEmpty();
		assertThat(SignedRequests.get(pusher, "/apps/1000/channels/presence-room").send().body())
			.isEqualTo("{\"occupied\":false}");
		assertThat(SignedRequests.post(pusher, "/apps/1000/events", trigger(15 * 1024)).send().statusCode())
			.isEqualTo(413);
	}

	@Test
	void recordsConcurrentRequests() throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				String body = EVENT.replace("orders", "orders-" + i);
				calls.add(() -> SignedRequests.post(pusher, "/apps/1000/events", body).send().statusCode());
			}
			for (Future<Integer> status : executor.invokeAll(calls)) {
				assertThat(status.get()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(pusher.recorder().events()).hasSize(40);
		assertThat(pusher.requests()).hasSize(40);
	}

	@Test
	void servesEachPlannedFaultToExactlyOneOfConcurrentRequests() throws Exception {
		pusher.failNext(10, 503).closeNextConnectionAfterAccepting();
		List<Integer> statuses = new ArrayList<>();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				calls.add(() -> {
					try {
						return SignedRequests.post(pusher, "/apps/1000/events", EVENT).send().statusCode();
					}
					catch (IOException ex) {
						return ReceivedRequest.DROPPED;
					}
				});
			}
			for (Future<Integer> status : executor.invokeAll(calls)) {
				statuses.add(status.get());
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(statuses).filteredOn((status) -> status == 503).hasSize(10);
		assertThat(statuses).filteredOn((status) -> status == ReceivedRequest.DROPPED).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(29);
		assertThat(pusher.recorder().events()).hasSize(30);
		assertThat(pusher.requests()).extracting(ReceivedRequest::fault)
			.containsOnly(ReceivedRequest.Fault.ERROR_STATUS, ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING, null)
			.filteredOn((fault) -> fault == ReceivedRequest.Fault.ERROR_STATUS)
			.hasSize(10);
	}

	@Test
	void startsAgainAfterStoppingWithFaultsPlannedWhileStopped() throws Exception {
		FakePusherServer server = new FakePusherServer().start();
		try {
			assertThat(SignedRequests.post(server, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
			server.stop();
			assertThat(server.requests()).extracting(ReceivedRequest::status).containsExactly(200);
			server.failNext(1, 503);
			server.start();
			assertThat(SignedRequests.post(server, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(503);
			assertThat(SignedRequests.post(server, "/apps/1000/events", EVENT).send().statusCode()).isEqualTo(200);
			assertThat(server.requests()).extracting(ReceivedRequest::status).containsExactly(200, 503, 200);
			assertThat(server.recorder().events()).hasSize(2);
		}
		finally {
			server.stop();
		}
	}

	@Test
	void neverPrintsTheSecretOrASignature() throws Exception {
		SignedRequests request = SignedRequests.post(pusher, "/apps/1000/events", EVENT);
		request.send();
		assertThat(pusher.toString()).contains("fake-key").doesNotContain("fake-secret");
		assertThat(pusher.connectionDetails().toString()).doesNotContain("fake-secret");
		assertThat(pusher.requests().get(0).toString()).contains("auth_signature=[redacted]")
			.doesNotContain(request.signature());
	}

	@Test
	void knowsNoEndpointWhenStopped() {
		FakePusherServer stopped = new FakePusherServer();
		assertThatIllegalStateException().isThrownBy(stopped::getEndpoint).withMessageContaining("not running");
		assertThat(stopped).hasToString("FakePusherServer[stopped, appId=1000, key=fake-key, secret=******]");
	}

	@AfterEach
	void noRequestLeftAnswered() {
		pusher.delay(Duration.ZERO);
	}

	private static void assertUnauthorized(HttpResponse<String> response, String message) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains(message);
		assertThat(pusher.recorder().events()).isEmpty();
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(401));
	}

	private static String trigger(int dataBytes) {
		return "{\"name\":\"big\",\"channels\":[\"orders\"],\"data\":\"" + "x".repeat(dataBytes) + "\"}";
	}

	/**
	 * A signed request with raw text appended to its query.
	 */
	private record SignedRequestWithExtraQuery(SignedRequests request, String extra) {

		HttpResponse<String> send() throws IOException, InterruptedException {
			java.net.http.HttpRequest httpRequest = java.net.http.HttpRequest
				.newBuilder(java.net.URI.create(this.request.uri() + this.extra))
				.GET()
				.build();
			return java.net.http.HttpClient.newHttpClient().send(httpRequest, HttpResponse.BodyHandlers.ofString());
		}

	}

}
