package io.pusherspring.test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.simulator.PusherCrypto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.pusherspring.test.TestWebSocket.data;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pusher's subscription counting in {@link LocalPusherServer}: the
 * {@code pusher_internal:subscription_count} events, the {@code subscription_count}
 * webhooks and the {@code subscription_count} the HTTP API reports, on when the server's
 * setting is, as on when an app's dashboard setting is.
 */
class LocalPusherServerSubscriptionCountTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	private static final String KEY = "count-key";

	private static final String SECRET = "count-secret";

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer("7", KEY, SECRET).subscriptionCounting(true);

	private static HttpPusherTransport transport;

	private static PusherTemplate template;

	@BeforeAll
	static void createTemplate() {
		transport = new HttpPusherTransport(new PusherCredentials("7", KEY, SECRET), pusher.getEndpoint(),
				new HttpPusherTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2));
		template = PusherTemplate.builder(transport).build();
	}

	@AfterAll
	static void closeTemplate() throws Exception {
		transport.close();
	}

	@Test
	void tellsEverySubscriberTheCountWhenAConnectionSubscribesOrLeaves() throws Exception {
		String channel = "counted";
		try (TestWebSocket ada = TestWebSocket.connect(pusher);
				TestWebSocket bob = TestWebSocket.connect(pusher);
				TestWebSocket cat = TestWebSocket.connect(pusher)) {
			subscribe(ada, channel);
			JsonNode first = ada.next("pusher_internal:subscription_count");
			assertThat(first.get("channel").stringValue()).isEqualTo(channel);
			assertThat(first.get("data").stringValue()).isEqualTo("{\"subscription_count\":1}");
			subscribe(bob, channel);
			assertThat(count(ada)).isEqualTo(2);
			assertThat(count(bob)).isEqualTo(2);
			bob.send("pusher:unsubscribe", Map.of("channel", channel));
			assertThat(count(ada)).isEqualTo(1);
			subscribe(cat, channel);
			assertThat(count(ada)).isEqualTo(2);
			assertThat(count(cat)).isEqualTo(2);
			cat.close();
			assertThat(count(ada)).isEqualTo(1);
			bob.expectNothing(QUIET);
		}
	}

	@Test
	void countsEveryKindOfChannelButPresenceChannels() throws Exception {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			for (String channel : List.of("private-counted", "private-encrypted-counted", "cache-counted")) {
				socket.subscribe(channel, auth(socket.socketId() + ":" + channel));
				socket.next("pusher_internal:subscription_succeeded");
				if (channel.startsWith("cache-")) {
					socket.next("pusher:cache_miss");
				}
				JsonNode counted = socket.next("pusher_internal:subscription_count");
				assertThat(counted.get("channel").stringValue()).isEqualTo(channel);
				assertThat(data(counted).get("subscription_count").asInt()).isEqualTo(1);
			}
			joinPresence(socket, "presence-uncounted", "ada");
			socket.expectNothing(QUIET);
		}
	}

	@Test
	void answersRepeatedSubscribesWithoutCountingThemAgain() throws Exception {
		String channel = "presence-class-9";
		try (TestWebSocket watcher = TestWebSocket.connect(pusher); TestWebSocket ada = TestWebSocket.connect(pusher)) {
			joinPresence(watcher, channel, "teacher");
			joinPresence(ada, channel, "ada");
			joinPresence(ada, channel, "ada");
			watcher.next("pusher_internal:member_added");
			watcher.expectNothing(QUIET);
			assertThat(template.channel(channel, ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount()).isEqualTo(2);
			subscribe(ada, "public-repeat");
			ada.next("pusher_internal:subscription_count");
			subscribe(ada, "public-repeat");
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void reportsTheCountToChannelQueriesAndTriggers() {
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket bob = TestWebSocket.connect(pusher)) {
			subscribe(ada, "queried");
			subscribe(bob, "queried");
			ChannelInfo info = template.channel("queried", ChannelInfo.SUBSCRIPTION_COUNT);
			assertThat(info.occupied()).isTrue();
			assertThat(info.subscriptionCount()).isEqualTo(2);
			assertThat(template.channel("nobody-here", ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount()).isZero();
			assertThat(template
				.trigger(PusherMessage.builder()
					.channels("queried", "nobody-here")
					.event("asked")
					.data("{}")
					.info(ChannelInfo.SUBSCRIPTION_COUNT)
					.build())
				.channels()).containsOnlyKeys("queried", "nobody-here")
				.hasEntrySatisfying("queried", (counted) -> assertThat(counted.subscriptionCount()).isEqualTo(2))
				.hasEntrySatisfying("nobody-here", (counted) -> assertThat(counted.subscriptionCount()).isZero());
			assertThat(template.triggerBatch(List.of(PusherMessage.builder()
				.channel("queried")
				.event("asked")
				.data("{}")
				.info(ChannelInfo.SUBSCRIPTION_COUNT)
				.build())).results().get(0).subscriptionCount("queried")).hasValue(2);
		}
	}

	@Test
	void postsSubscriptionCountWebhooks() throws Exception {
		BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/pusher/webhooks", (exchange) -> {
			// the other tests' clients may still be leaving the shared server: keep this
			// test's channels
			JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes()).get("events").forEach((event) -> {
				if (event.get("channel").stringValue().endsWith("hooked")) {
					events.add(event);
				}
			});
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		pusher.webhookUrl(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/pusher/webhooks"));
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket bob = TestWebSocket.connect(pusher)) {
			subscribe(ada, "hooked");
			assertThat(webhooks(events, 2)).containsExactly("channel_occupied hooked", "subscription_count hooked 1");
			subscribe(bob, "hooked");
			assertThat(count(bob)).isEqualTo(2);
			assertThat(webhooks(events, 1)).containsExactly("subscription_count hooked 2");
			joinPresence(bob, "presence-hooked", "bob");
			bob.send("pusher:unsubscribe", Map.of("channel", "presence-hooked"));
			assertThat(webhooks(events, 4)).containsExactly("channel_occupied presence-hooked",
					"member_added presence-hooked", "member_removed presence-hooked",
					"channel_vacated presence-hooked");
			bob.close();
			assertThat(webhooks(events, 1)).containsExactly("subscription_count hooked 1");
			ada.send("pusher:unsubscribe", Map.of("channel", "hooked"));
			assertThat(webhooks(events, 2)).containsExactly("subscription_count hooked 0", "channel_vacated hooked");
		}
		finally {
			pusher.webhookUrl(null);
			receiver.stop(0);
		}
	}

	@Test
	void countsNothingAndRefusesToReportCountsUnlessSwitchedOnAsInPusher() throws Exception {
		LocalPusherServer off = new LocalPusherServer("7", KEY, SECRET).start();
		try (HttpPusherTransport offTransport = new HttpPusherTransport(new PusherCredentials("7", KEY, SECRET),
				off.getEndpoint(), new HttpPusherTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 2));
				TestWebSocket socket = TestWebSocket.connect(off)) {
			PusherTemplate offTemplate = PusherTemplate.builder(offTransport).build();
			subscribe(socket, "uncounted");
			socket.expectNothing(QUIET);
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> offTemplate.channel("uncounted", ChannelInfo.SUBSCRIPTION_COUNT))
				.satisfies((refused) -> {
					assertThat(refused.getStatusCode()).isEqualTo(400);
					assertThat(refused.getPusherMessage()).isEqualTo(
							"Cannot retrieve the subscription count because subscription counting is not enabled");
				});
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> offTemplate.trigger(PusherMessage.builder()
					.channel("uncounted")
					.event("e")
					.data("{}")
					.info("subscription_count")
					.build()));
			assertThat(off.recorder().events()).isEmpty();
			assertThat(offTemplate.channel("uncounted").occupied()).isTrue();
		}
		finally {
			off.stop();
		}
	}

	private static void subscribe(TestWebSocket socket, String channel) {
		socket.subscribe(channel);
		socket.next("pusher_internal:subscription_succeeded");
	}

	private static int count(TestWebSocket socket) {
		return data(socket.next("pusher_internal:subscription_count")).get("subscription_count").asInt();
	}

	private static void joinPresence(TestWebSocket socket, String channel, String userId) {
		String channelData = "{\"user_id\":\"" + userId + "\"}";
		socket.send("pusher:subscribe", Map.of("channel", channel, "channel_data", channelData, "auth",
				auth(socket.socketId() + ":" + channel + ":" + channelData)));
		socket.next("pusher_internal:subscription_succeeded");
	}

	private static String auth(String signed) {
		return KEY + ":" + PusherCrypto.hmacSha256Hex(SECRET, signed);
	}

	/**
	 * The next webhook events, each as "name channel [count]".
	 */
	private static List<String> webhooks(BlockingQueue<JsonNode> events, int count) throws InterruptedException {
		List<String> described = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			JsonNode event = events.poll(5, TimeUnit.SECONDS);
			assertThat(event).as("webhook event " + (i + 1) + " of " + count).isNotNull();
			described.add(event.get("name").stringValue() + " " + event.get("channel").stringValue()
					+ (event.has("subscription_count") ? " " + event.get("subscription_count").asInt() : ""));
		}
		return described;
	}

}
