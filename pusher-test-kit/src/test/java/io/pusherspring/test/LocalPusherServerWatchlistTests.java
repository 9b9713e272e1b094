package io.pusherspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.simulator.PusherCrypto;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.pusherspring.test.TestWebSocket.data;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pusher's watchlist events from {@link LocalPusherServer}, as Pusher documents them for
 * its Channels protocol, heard by bare WebSocket clients that sign in with a watchlist.
 */
class LocalPusherServerWatchlistTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	private static final String KEY = "watch-key";

	private static final String SECRET = "watch-secret";

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer("7", KEY, SECRET).watchlistEvents(true);

	@Test
	void tellsEachUserWhoOfTheirWatchlistIsOnlineAndOfflineAsPusherDocumentsIt() {
		// the sequence of Pusher's "Watchlist Online Status" diagram
		try (TestWebSocket one = TestWebSocket.connect(pusher);
				TestWebSocket two = TestWebSocket.connect(pusher);
				TestWebSocket three = TestWebSocket.connect(pusher)) {
			signIn(one, "seq-1", "seq-2", "seq-3");
			JsonNode initial = one.next("pusher_internal:watchlist_events");
			assertThat(initial.has("channel")).isFalse();
			assertThat(initial.get("data").isString()).isTrue();
			assertThat(data(initial)).isEqualTo(JsonMapper.shared()
				.readTree("{\"events\":[{\"name\":\"offline\",\"user_ids\":[\"seq-2\",\"seq-3\"]}]}"));

			signIn(two, "seq-2", "seq-1", "seq-3");
			assertThat(events(two.next("pusher_internal:watchlist_events"))).containsExactly("offline [seq-3]",
					"online [seq-1]");
			assertThat(events(one.next("pusher_internal:watchlist_events"))).containsExactly("online [seq-2]");

			signIn(three, "seq-3", "seq-1", "seq-2");
			assertThat(events(three.next("pusher_internal:watchlist_events"))).containsExactly("online [seq-1, seq-2]");
			assertThat(events(two.next("pusher_internal:watchlist_events"))).containsExactly("online [seq-3]");
			assertThat(events(one.next("pusher_internal:watchlist_events"))).containsExactly("online [seq-3]");

			one.close();
			assertThat(events(two.next("pusher_internal:watchlist_events"))).containsExactly("offline [seq-1]");
			assertThat(events(three.next("pusher_internal:watchlist_events"))).containsExactly("offline [seq-1]");

			two.close();
			assertThat(events(three.next("pusher_internal:watchlist_events"))).containsExactly("offline [seq-2]");
		}
	}

	@Test
	void keepsAUserOnlineWhileAtLeastOneOfTheirConnectionsIsSignedIn() throws Exception {
		try (TestWebSocket teacher = TestWebSocket.connect(pusher);
				TestWebSocket phone = TestWebSocket.connect(pusher);
				TestWebSocket laptop = TestWebSocket.connect(pusher)) {
			signIn(teacher, "two-teacher", "two-ada");
			assertThat(events(teacher.next("pusher_internal:watchlist_events"))).containsExactly("offline [two-ada]");
			signIn(phone, "two-ada");
			assertThat(events(teacher.next("pusher_internal:watchlist_events"))).containsExactly("online [two-ada]");
			signIn(laptop, "two-ada");
			phone.close();
			teacher.expectNothing(QUIET);
			laptop.close();
			assertThat(events(teacher.next("pusher_internal:watchlist_events"))).containsExactly("offline [two-ada]");
		}
	}

	@Test
	void reportsAUserWhoseConnectionsTheApplicationTerminatedAsOffline() throws Exception {
		HttpPusherTransport transport = new HttpPusherTransport(new PusherCredentials("7", KEY, SECRET),
				pusher.getEndpoint(),
				new HttpPusherTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2));
		try (transport;
				TestWebSocket teacher = TestWebSocket.connect(pusher);
				TestWebSocket student = TestWebSocket.connect(pusher)) {
			signIn(student, "banned-ada");
			signIn(teacher, "banned-teacher", "banned-ada");
			assertThat(events(teacher.next("pusher_internal:watchlist_events"))).containsExactly("online [banned-ada]");
			PusherTemplate.builder(transport).build().terminateUserConnections("banned-ada");
			assertThat(student.closeCode()).isEqualTo(4009);
			assertThat(events(teacher.next("pusher_internal:watchlist_events")))
				.containsExactly("offline [banned-ada]");
		}
	}

	@Test
	void keepsTheFirstHundredUserIdsOfALongerWatchlistAndSaysSoWith4302() throws Exception {
		List<String> watchlist = new ArrayList<>(IntStream.range(0, 150).mapToObj((i) -> "long-" + i).toList());
		// a repeated id counts once
		watchlist.add(1, "long-0");
		try (TestWebSocket watcher = TestWebSocket.connect(pusher);
				TestWebSocket kept = TestWebSocket.connect(pusher);
				TestWebSocket dropped = TestWebSocket.connect(pusher)) {
			signIn(watcher, "long-watcher", watchlist.toArray(String[]::new));
			JsonNode limit = watcher.next("pusher:error");
			assertThat(limit.at("/data/code").asInt()).isEqualTo(4302);
			assertThat(limit.at("/data/message").stringValue()).contains("first " + PusherLimits.MAX_WATCHLIST_SIZE);
			JsonNode initial = data(watcher.next("pusher_internal:watchlist_events"));
			assertThat(initial.at("/events/0/name").stringValue()).isEqualTo("offline");
			assertThat(initial.at("/events/0/user_ids").values()).extracting(JsonNode::stringValue)
				.containsExactlyElementsOf(IntStream.range(0, 100).mapToObj((i) -> "long-" + i).toList());
			signIn(dropped, "long-120");
			watcher.expectNothing(QUIET);
			signIn(kept, "long-99");
			assertThat(events(watcher.next("pusher_internal:watchlist_events"))).containsExactly("online [long-99]");
			assertThat(watcher.isClosed()).isFalse();
		}
	}

	@Test
	void replacesTheWatchlistOfAConnectionThatSignsInAgain() throws Exception {
		try (TestWebSocket watcher = TestWebSocket.connect(pusher);
				TestWebSocket ada = TestWebSocket.connect(pusher);
				TestWebSocket bob = TestWebSocket.connect(pusher)) {
			signIn(watcher, "again-watcher", "again-ada");
			watcher.next("pusher_internal:watchlist_events");
			signIn(watcher, "again-watcher", "again-bob");
			assertThat(events(watcher.next("pusher_internal:watchlist_events"))).containsExactly("offline [again-bob]");
			signIn(ada, "again-ada");
			watcher.expectNothing(QUIET);
			signIn(bob, "again-bob");
			assertThat(events(watcher.next("pusher_internal:watchlist_events"))).containsExactly("online [again-bob]");
		}
	}

	@Test
	void refusesASignInWhoseWatchlistIsNotAListOfUserIds() {
		for (String watchlist : List.of("\"ada\"", "[42]", "[\"\"]", "[\"" + "x".repeat(129) + "\"]")) {
			try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
				socket.send("pusher:signin", signature(socket, "{\"id\":\"bad\",\"watchlist\":" + watchlist + "}"));
				assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("watchlist");
				assertThat(socket.closeCode()).isEqualTo(4009);
			}
		}
	}

	@Test
	void sendsNoWatchlistEventsUnlessTheyAreSwitchedOnAsInPusher() throws Exception {
		LocalPusherServer off = new LocalPusherServer("7", KEY, SECRET).start();
		try (TestWebSocket watcher = TestWebSocket.connect(off); TestWebSocket ada = TestWebSocket.connect(off)) {
			signIn(watcher, "off-watcher", "off-ada");
			// a watchlist of any shape is ignored
			watcher.send("pusher:signin", signature(watcher, "{\"id\":\"off-watcher\",\"watchlist\":42}"));
			watcher.next("pusher:signin_success");
			signIn(ada, "off-ada");
			watcher.expectNothing(QUIET);
		}
		finally {
			off.stop();
		}
	}

	/**
	 * Sign in as a user watching others, and wait for the success.
	 */
	private static void signIn(TestWebSocket socket, String userId, String... watchlist) {
		Map<String, Object> user = (watchlist.length > 0) ? Map.of("id", userId, "watchlist", List.of(watchlist))
				: Map.of("id", userId);
		socket.send("pusher:signin", signature(socket, JsonMapper.shared().writeValueAsString(user)));
		socket.next("pusher:signin_success");
	}

	private static Map<String, String> signature(TestWebSocket socket, String userData) {
		return Map.of("user_data", userData, "auth",
				KEY + ":" + PusherCrypto.hmacSha256Hex(SECRET, socket.socketId() + "::user::" + userData));
	}

	/**
	 * The events of a {@code pusher_internal:watchlist_events}, each as "name [ids]".
	 */
	private static List<String> events(JsonNode message) {
		List<String> events = new ArrayList<>();
		for (JsonNode event : data(message).get("events").values()) {
			events.add(event.get("name").stringValue() + " "
					+ event.get("user_ids").values().stream().map(JsonNode::stringValue).toList());
		}
		return events;
	}

}
