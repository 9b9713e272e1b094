package io.pusherspring.integration.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * pusher-js 8.6.0, from the npm registry and run by Node, against a
 * {@link LocalPusherServer}: it connects, subscribes to public, private and presence
 * channels through the application's real {@code /pusher/auth}, and receives what the
 * application publishes.
 */
@SpringBootTest(classes = LiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PusherJsTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PusherOperations operations;

	@Test
	void receivesEventsOnPublicAndPrivateChannels() throws Exception {
		try (NodeClient ada = client("ada", "announcements,private-class-7")) {
			assertThat(ada.next("connected").get("socketId").stringValue()).matches("\\d+\\.\\d+");
			subscribed(ada, "announcements", "private-class-7");
			this.operations.trigger("announcements", "posted", Map.of("text", "Quiz at ten"));
			this.operations.trigger("private-class-7", "homework", Map.of("page", 12));
			JsonNode posted = ada.next("event");
			assertThat(posted.get("channel").stringValue()).isEqualTo("announcements");
			assertThat(posted.get("event").stringValue()).isEqualTo("posted");
			assertThat(posted.at("/data/text").stringValue()).isEqualTo("Quiz at ten");
			JsonNode homework = ada.next("event");
			assertThat(homework.get("channel").stringValue()).isEqualTo("private-class-7");
			assertThat(homework.at("/data/page").asInt()).isEqualTo(12);
		}
	}

	@Test
	void joinsAPresenceChannelAndIsRefusedAChannelTheApplicationDenies() throws Exception {
		try (NodeClient ada = client("ada", "presence-class-7,private-class-8")) {
			ada.next("connected");
			Map<String, JsonNode> outcomes = byChannel(ada.next(), ada.next());
			assertThat(outcomes.get("presence-class-7").get("type").stringValue()).isEqualTo("subscribed");
			assertThat(outcomes.get("presence-class-7").get("members").asInt()).isEqualTo(1);
			assertThat(outcomes.get("private-class-8").get("type").stringValue()).isEqualTo("subscription_error");
			assertThat(outcomes.get("private-class-8").get("status").asInt()).isEqualTo(403);
			assertThat(this.operations.users("presence-class-7")).containsExactly("ada");
			this.operations.trigger("private-class-8", "homework", Map.of("page", 1));
			ada.expectNothing(Duration.ofMillis(500));
		}
	}

	private static void subscribed(NodeClient client, String... channels) {
		Map<String, JsonNode> outcomes = byChannel(client.next(), client.next());
		assertThat(outcomes).containsOnlyKeys(channels);
		assertThat(outcomes.values())
			.allSatisfy((line) -> assertThat(line.get("type").stringValue()).isEqualTo("subscribed"));
	}

	private static Map<String, JsonNode> byChannel(JsonNode... lines) {
		Map<String, JsonNode> outcomes = new HashMap<>();
		for (JsonNode line : lines) {
			outcomes.put(line.get("channel").stringValue(), line);
		}
		return outcomes;
	}

	private NodeClient client(String user, String channels) throws Exception {
		return NodeClient.start(pusher, this.port, user, channels, false);
	}

}
