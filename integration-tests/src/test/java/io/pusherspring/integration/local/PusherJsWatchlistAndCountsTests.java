package io.pusherspring.integration.local;

import java.time.Duration;
import java.util.List;

import io.pusherspring.core.ChannelInfo;
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
 * pusher-js 8.6.0 in Node against a {@link LocalPusherServer} with watchlist events and
 * subscription counting switched on: {@code pusher.user.watchlist.bind('online' |
 * 'offline', ...)} hears the classmates that the application's {@code PusherUserResolver}
 * puts on each user's watchlist, and {@code pusher:subscription_count} the number of
 * connections on a channel.
 */
@SpringBootTest(classes = LiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PusherJsWatchlistAndCountsTests {

	private static final Duration QUIET = Duration.ofMillis(500);

	// tag::settings[]
	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer().watchlistEvents(true).subscriptionCounting(true);

	// end::settings[]

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PusherOperations operations;

	@Test
	void theTeacherSeesWhichStudentsComeOnlineAndGoOffline() throws Exception {
		try (NodeClient grace = signedIn("grace")) {
			assertThat(watchlist(grace.next("watchlist"))).isEqualTo("offline [ada, alan]");
			try (NodeClient ada = signedIn("ada")) {
				assertThat(watchlist(ada.next("watchlist"))).isEqualTo("offline [alan]");
				assertThat(watchlist(ada.next("watchlist"))).isEqualTo("online [grace]");
				assertThat(watchlist(grace.next("watchlist"))).isEqualTo("online [ada]");
				try (NodeClient adaOnHerPhone = signedIn("ada")) {
					adaOnHerPhone.next("watchlist");
					adaOnHerPhone.next("watchlist");
				}
				// ada is still signed in on her first connection
				grace.expectNothing(QUIET);
			}
			assertThat(watchlist(grace.next("watchlist"))).isEqualTo("offline [ada]");
		}
	}

	@Test
	void everySubscriberHearsHowManyConnectionsAreOnTheChannel() throws Exception {
		try (NodeClient ada = NodeClient.start(pusher, this.port, "ada", "private-class-7", false)) {
			ada.next("connected");
			ada.next("subscribed");
			assertThat(ada.next("subscription_count").get("count").asInt()).isEqualTo(1);
			try (NodeClient alan = NodeClient.start(pusher, this.port, "alan", "private-class-7", false)) {
				alan.next("connected");
				alan.next("subscribed");
				assertThat(alan.next("subscription_count").get("count").asInt()).isEqualTo(2);
				assertThat(ada.next("subscription_count").get("count").asInt()).isEqualTo(2);
				assertThat(
						this.operations.channel("private-class-7", ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount())
					.isEqualTo(2);
			}
			assertThat(ada.next("subscription_count").get("count").asInt()).isEqualTo(1);
		}
	}

	private NodeClient signedIn(String user) throws Exception {
		NodeClient client = NodeClient.start(pusher, this.port, user, "", true);
		client.next("connected");
		JsonNode signedIn = client.next("signed_in");
		assertThat(signedIn.get("userId").stringValue()).isEqualTo(user);
		// the PusherUser's watchlist, in the user_data the application signed
		assertThat(signedIn.get("watchlist").values()).extracting(JsonNode::stringValue)
			.containsExactlyElementsOf(LiveClassroomApplication.classmates(user));
		return client;
	}

	private static String watchlist(JsonNode line) {
		List<String> userIds = line.get("userIds").values().stream().map(JsonNode::stringValue).toList();
		return line.get("name").stringValue() + " " + userIds;
	}

}
