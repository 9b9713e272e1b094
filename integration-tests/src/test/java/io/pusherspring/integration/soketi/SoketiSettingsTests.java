package io.pusherspring.integration.soketi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.conformance.ConformanceApplication;
import io.pusherspring.integration.conformance.ConformanceApplication.HeardWebhooks;
import io.pusherspring.integration.conformance.RawClient;
import io.pusherspring.integration.conformance.SignedRequests;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.servers.SoketiServer;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * soketi with the settings the docs show ({@code soketi.env}), and the application with
 * the documented properties ({@code soketi.properties}): webhooks reach the application,
 * users sign in, and client events and limits are Pusher's.
 */
@SpringBootTest(classes = ConformanceApplication.class, webEnvironment = WebEnvironment.DEFINED_PORT)
@TestPropertySource(locations = "classpath:io/pusherspring/integration/soketi/soketi.properties")
class SoketiSettingsTests {

	private static final int APP_PORT = TestSocketUtils.findAvailableTcpPort();

	private static final Duration QUIET = Duration.ofMillis(500);

	private static final JsonMapper json = JsonMapper.shared();

	@RegisterExtension
	static SoketiServer soketi = new SoketiServer("classroom", "classroom-key", "classroom-secret")
		.environment(DocumentedSettings.app(URI.create("http://127.0.0.1:" + APP_PORT + "/pusher/webhooks")));

	@DynamicPropertySource
	static void soketiAddress(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> APP_PORT);
		registry.add("pusher.host", soketi::getHost);
		registry.add("pusher.port", soketi::getPort);
	}

	@Autowired
	private PusherOperations operations;

	@Autowired
	private HeardWebhooks webhooks;

	@Test
	void webhooksReachTheApplicationVerified() {
		Instant start = Instant.now().minusSeconds(1);
		try (JavaClient ada = client("ada")) {
			ada.subscribe("presence-room-settings");
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(
						() -> assertThat(this.webhooks.about("presence-room-settings")).extracting(WebhookEvent::name)
							.contains("channel_occupied", "member_added"));
		}
		assertThat(this.webhooks.about("presence-room-settings"))
			.allSatisfy((event) -> assertThat(event.time()).isAfter(start));
	}

	@Test
	void usersSignInAndReceiveWhatIsSentToThem() {
		try (JavaClient ada = client("ada")) {
			ada.signIn("graded");
			this.operations.sendToUser("ada", "graded", Map.of("score", 9));
			assertThat(ada.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
		}
	}

	@Test
	void clientEventsAreRelayedAtMostTenPerSecondPerConnection() throws Exception {
		String channel = "private-room-settings";
		try (RawClient grace = raw(); RawClient ada = raw()) {
			grace.subscribe(channel, authorization(grace, channel));
			grace.next("pusher_internal:subscription_succeeded");
			ada.subscribe(channel, authorization(ada, channel));
			ada.next("pusher_internal:subscription_succeeded");
			for (int i = 0; i < 30; i++) {
				ada.send("client-move", channel, Map.of("n", i));
			}
			int relayed = 0;
			while (grace.poll(QUIET) != null) {
				relayed++;
			}
			assertThat(relayed).isBetween(1, 29);
			assertThat(RawClient.data(ada.next("pusher:error")).path("code").asInt()).isEqualTo(4301);
		}
	}

	@Test
	void limitsArePushers() {
		String body = json
			.writeValueAsString(Map.of("name", "posted", "channel", "news", "data", "x".repeat(11 * 1024)));
		HttpResponse<String> response = SignedRequests.send(HttpClient.newHttpClient(),
				URI.create("http://127.0.0.1:" + soketi.getPort()), soketi.getAppId(), soketi.getKey(),
				soketi.getSecret(), "POST", "/events", body, Instant.now().getEpochSecond());
		assertThat(json.readTree(response.body()).path("code").asInt()).isEqualTo(413);
		try (RawClient client = raw()) {
			client.subscribe("long-" + "x".repeat(170), null);
			client.next("pusher:subscription_error");
			String channel = "presence-room-settings-limits";
			String channelData = json
				.writeValueAsString(Map.of("user_id", "ada", "user_info", Map.of("bio", "x".repeat(1500))));
			String auth = soketi.getKey() + ":"
					+ SignedRequests.hmac(soketi.getSecret(), client.socketId() + ":" + channel + ":" + channelData);
			client.send("pusher:subscribe", null,
					Map.of("channel", channel, "auth", auth, "channel_data", channelData));
			client.next("pusher:subscription_error");
		}
	}

	private JsonNode authorization(RawClient client, String channel) {
		String auth = soketi.getKey() + ":"
				+ SignedRequests.hmac(soketi.getSecret(), client.socketId() + ":" + channel);
		return json.createObjectNode().put("auth", auth);
	}

	private static RawClient raw() {
		return RawClient.connect(soketi.getHost(), soketi.getPort(), soketi.getKey());
	}

	private static JavaClient client(String user) {
		return JavaClient
			.as(user, ConformanceApplication.PASSWORD, soketi.getHost(), soketi.getPort(), soketi.getKey(),
					"http://127.0.0.1:" + APP_PORT)
			.connect();
	}

}
