package io.pusherspring.test;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.local.ProtocolServer;
import io.pusherspring.test.simulator.PusherCrypto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static io.pusherspring.test.TestWebSocket.data;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Pusher WebSocket protocol of {@link LocalPusherServer}, spoken by a bare WebSocket
 * client, with events triggered through a real {@link PusherTemplate}.
 */
class LocalPusherServerProtocolTests {

	private static final Duration QUIET = Duration.ofMillis(300);

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer("7", "proto-key", "proto-secret");

	private static HttpPusherTransport transport;

	private static PusherTemplate template;

	@BeforeAll
	static void createTemplate() {
		transport = new HttpPusherTransport(new PusherCredentials("7", "proto-key", "proto-secret"),
				pusher.getEndpoint(),
				new HttpPusherTransport.Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 4));
		template = PusherTemplate.builder(transport).build();
	}

	@AfterAll
	static void closeTemplate() throws Exception {
		transport.close();
	}

	@Test
	void establishesTheConnectionWithASocketIdAndTheActivityTimeout() {
		try (TestWebSocket socket = TestWebSocket.open(URI.create(pusher.getWebSocketUrl() + "?protocol=7"))) {
			JsonNode established = data(socket.next("pusher:connection_established"));
			assertThat(established.get("socket_id").stringValue()).matches("\\d+\\.\\d+");
			assertThat(established.get("activity_timeout").asInt()).isEqualTo(120);
		}
	}

	@Test
	void answersPingsWithOrWithoutData() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.send("{\"event\":\"pusher:ping\"}");
			socket.next("pusher:pong");
			socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
			socket.next("pusher:pong");
		}
	}

	@Test
	void acceptsProtocolsFiveToSeven() {
		for (int protocol = 5; protocol <= 7; protocol++) {
			try (TestWebSocket socket = TestWebSocket
				.open(URI.create(pusher.getWebSocketUrl() + "?protocol=" + protocol + "&client=java&version=2.4.4"))) {
				socket.next("pusher:connection_established");
			}
		}
	}

	@Test
	void refusesAnUnknownAppKeyWith4001() {
		try (TestWebSocket socket = TestWebSocket
			.open(URI.create("ws://127.0.0.1:" + pusher.getPort() + "/app/wrong-key?protocol=7"))) {
			JsonNode error = socket.next("pusher:error");
			assertThat(error.at("/data/code").asInt()).isEqualTo(4001);
			assertThat(socket.closeCode()).isEqualTo(4001);
		}
	}

	@Test
	void refusesAMissingOrUnsupportedProtocol() {
		try (TestWebSocket socket = TestWebSocket.open(pusher.getWebSocketUrl())) {
			assertThat(socket.next("pusher:error").at("/data/code").asInt()).isEqualTo(4008);
			assertThat(socket.closeCode()).isEqualTo(4008);
		}
		try (TestWebSocket socket = TestWebSocket.open(URI.create(pusher.getWebSocketUrl() + "?protocol=4"))) {
			assertThat(socket.closeCode()).isEqualTo(4007);
		}
		try (TestWebSocket socket = TestWebSocket.open(URI.create(pusher.getWebSocketUrl() + "?protocol=x"))) {
			assertThat(socket.closeCode()).isEqualTo(4006);
		}
	}

	@Test
	void deliversTriggeredEventsInOrderToPublicSubscribers() {
		try (TestWebSocket first = TestWebSocket.connect(pusher);
				TestWebSocket second = TestWebSocket.connect(pusher)) {
			subscribed(first, "orders");
			subscribed(second, "orders");
			for (int i = 0; i < 20; i++) {
				template.trigger("orders", "created", Map.of("n", i));
			}
			for (TestWebSocket socket : List.of(first, second)) {
				for (int i = 0; i < 20; i++) {
					JsonNode event = socket.next("created");
					assertThat(event.get("channel").stringValue()).isEqualTo("orders");
					assertThat(event.get("data").isString()).isTrue();
					assertThat(data(event).get("n").asInt()).isEqualTo(i);
				}
			}
			assertThat(pusher.recorder()).hasTriggeredTimes(20, "orders", "created");
		}
	}

	@Test
	void leavesOutTheExcludedSocket() throws Exception {
		try (TestWebSocket sender = TestWebSocket.connect(pusher);
				TestWebSocket other = TestWebSocket.connect(pusher)) {
			subscribed(sender, "orders");
			subscribed(other, "orders");
			template.trigger(PusherMessage.builder()
				.channel("orders")
				.event("created")
				.data("{}")
				.excludeSocketId(sender.socketId())
				.build());
			other.next("created");
			sender.expectNothing(QUIET);
		}
	}

	@Test
	void subscribesToAPrivateChannelWithAValidSignature() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.subscribe("private-user-42", auth(socket.socketId() + ":private-user-42"));
			assertThat(socket.next("pusher_internal:subscription_succeeded").get("channel").stringValue())
				.isEqualTo("private-user-42");
			template.trigger("private-user-42", "notified", "{\"ok\":true}");
			assertThat(socket.next("notified").get("data").stringValue()).isEqualTo("{\"ok\":true}");
		}
	}

	@Test
	void refusesAForgedSignatureAndKeepsTheConnection() throws Exception {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			String forged = "proto-key:"
					+ PusherCrypto.hmacSha256Hex("not-the-secret", socket.socketId() + ":private-user-42");
			socket.subscribe("private-user-42", forged);
			JsonNode error = socket.next("pusher:subscription_error");
			assertThat(error.get("channel").stringValue()).isEqualTo("private-user-42");
			assertThat(error.at("/data/status").asInt()).isEqualTo(401);
			socket.subscribe("private-user-43");
			socket.next("pusher:subscription_error");
			template.trigger("private-user-42", "notified", "{}");
			socket.expectNothing(QUIET);
			socket.send("{\"event\":\"pusher:ping\"}");
			socket.next("pusher:pong");
		}
	}

	@Test
	void tracksPresenceMembers() throws Exception {
		String channel = "presence-class-7";
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket bob = TestWebSocket.connect(pusher)) {
			joinPresence(ada, channel, "ada", "{\"name\":\"Ada\"}");
			JsonNode presence = data(joinPresence(bob, channel, "bob", "{\"name\":\"Bob\"}")).get("presence");
			assertThat(presence.get("count").asInt()).isEqualTo(2);
			assertThat(presence.get("ids").values()).extracting(JsonNode::stringValue).containsExactly("ada", "bob");
			assertThat(presence.at("/hash/ada/name").stringValue()).isEqualTo("Ada");
			JsonNode added = data(ada.next("pusher_internal:member_added"));
			assertThat(added.get("user_id").stringValue()).isEqualTo("bob");
			assertThat(added.at("/user_info/name").stringValue()).isEqualTo("Bob");
			assertThat(template.users(channel)).containsExactly("ada", "bob");
			ChannelInfo info = template.channel(channel, "user_count");
			assertThat(info.userCount()).isEqualTo(2);
			assertThat(info.subscriptionCount()).isNull();
			bob.send("pusher:unsubscribe", Map.of("channel", channel));
			assertThat(data(ada.next("pusher_internal:member_removed")).get("user_id").stringValue()).isEqualTo("bob");
			assertThat(template.users(channel)).containsExactly("ada");
		}
	}

	@Test
	void countsAUserWithTwoConnectionsOnce() throws Exception {
		String channel = "presence-class-8";
		try (TestWebSocket watcher = TestWebSocket.connect(pusher);
				TestWebSocket phone = TestWebSocket.connect(pusher);
				TestWebSocket laptop = TestWebSocket.connect(pusher)) {
			joinPresence(watcher, channel, "teacher", "{}");
			joinPresence(phone, channel, "ada", "{}");
			watcher.next("pusher_internal:member_added");
			joinPresence(laptop, channel, "ada", "{}");
			watcher.expectNothing(QUIET);
			phone.close();
			watcher.expectNothing(QUIET);
			laptop.close();
			assertThat(data(watcher.next("pusher_internal:member_removed")).get("user_id").stringValue())
				.isEqualTo("ada");
		}
	}

	@Test
	void listsOccupiedChannelsFromTheConnections() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			subscribed(socket, "listed-a");
			subscribed(socket, "listed-b");
			assertThat(template.channels("listed-")).containsOnlyKeys("listed-a", "listed-b");
			assertThat(template.channel("listed-a").occupied()).isTrue();
			assertThat(template.channel("listed-c").occupied()).isFalse();
		}
	}

	@Test
	void subscribesToAnEncryptedChannelAndRelaysTheCiphertext() throws Exception {
		String channel = "private-encrypted-grades";
		ChannelEncryption encryption = new ChannelEncryption(Base64.getEncoder().encodeToString(new byte[32]));
		PusherTemplate encrypting = PusherTemplate.builder(transport).encryption(encryption).build();
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.subscribe(channel, auth(socket.socketId() + ":" + channel));
			socket.next("pusher_internal:subscription_succeeded");
			encrypting.trigger(channel, "graded", Map.of("score", 9));
			JsonNode graded = data(socket.next("graded"));
			assertThat(encryption.decrypt(channel, graded.get("nonce").stringValue(),
					graded.get("ciphertext").stringValue()))
				.isEqualTo("{\"score\":9}");
			socket.send("{\"event\":\"client-typing\",\"channel\":\"" + channel + "\",\"data\":{}}");
			socket.next("pusher:error");
		}
	}

	@Test
	void sendsTheLastEventOfACacheChannelOnSubscribe() {
		try (TestWebSocket early = TestWebSocket.connect(pusher)) {
			subscribed(early, "cache-scores");
			early.next("pusher:cache_miss");
			template.trigger("cache-scores", "score", "{\"home\":1}");
			early.next("score");
		}
		try (TestWebSocket late = TestWebSocket.connect(pusher)) {
			subscribed(late, "cache-scores");
			assertThat(late.next("score").get("data").stringValue()).isEqualTo("{\"home\":1}");
		}
	}

	@Test
	void relaysClientEventsToOthersOnly() throws Exception {
		String channel = "private-chat";
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket bob = TestWebSocket.connect(pusher)) {
			ada.subscribe(channel, auth(ada.socketId() + ":" + channel));
			ada.next("pusher_internal:subscription_succeeded");
			bob.subscribe(channel, auth(bob.socketId() + ":" + channel));
			bob.next("pusher_internal:subscription_succeeded");
			ada.send("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{\"who\":\"ada\"}}");
			JsonNode typing = bob.next("client-typing");
			assertThat(typing.at("/data/who").stringValue()).isEqualTo("ada");
			assertThat(typing.has("user_id")).isFalse();
			ada.expectNothing(QUIET);
			assertThat(pusher.recorder()).hasNoEvents();
		}
	}

	@Test
	void addsTheSendersUserIdToClientEventsOnPresenceChannels() {
		String channel = "presence-chat";
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket bob = TestWebSocket.connect(pusher)) {
			joinPresence(ada, channel, "ada", "{}");
			joinPresence(bob, channel, "bob", "{}");
			ada.next("pusher_internal:member_added");
			bob.send("{\"event\":\"client-wave\",\"channel\":\"presence-chat\",\"data\":\"hi\"}");
			JsonNode wave = ada.next("client-wave");
			assertThat(wave.get("user_id").stringValue()).isEqualTo("bob");
			assertThat(wave.get("data").stringValue()).isEqualTo("hi");
		}
	}

	@Test
	void refusesClientEventsOnPublicChannelsAndUnsubscribedOnes() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			subscribed(socket, "orders");
			socket.send("{\"event\":\"client-x\",\"channel\":\"orders\",\"data\":{}}");
			assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("private and presence");
			socket.send("{\"event\":\"client-x\",\"channel\":\"private-elsewhere\",\"data\":{}}");
			assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("not subscribed");
		}
	}

	@Test
	void limitsClientEventsToTenASecondWith4301() throws Exception {
		String channel = "private-flood";
		try (TestWebSocket sender = TestWebSocket.connect(pusher);
				TestWebSocket receiver = TestWebSocket.connect(pusher)) {
			sender.subscribe(channel, auth(sender.socketId() + ":" + channel));
			sender.next("pusher_internal:subscription_succeeded");
			receiver.subscribe(channel, auth(receiver.socketId() + ":" + channel));
			receiver.next("pusher_internal:subscription_succeeded");
			for (int i = 0; i < 12; i++) {
				sender.send("{\"event\":\"client-n\",\"channel\":\"private-flood\",\"data\":{\"n\":" + i + "}}");
			}
			JsonNode error = sender.next("pusher:error");
			assertThat(error.at("/data/code").asInt()).isEqualTo(4301);
			int received = 0;
			while (received < 10) {
				receiver.next("client-n");
				received++;
			}
			receiver.expectNothing(QUIET);
			assertThat(sender.isClosed()).isFalse();
		}
	}

	@Test
	void signsInAndReceivesEventsSentToTheUser() throws Exception {
		try (TestWebSocket ada = TestWebSocket.connect(pusher); TestWebSocket other = TestWebSocket.connect(pusher)) {
			String userData = "{\"id\":\"ada\",\"name\":\"Ada\"}";
			ada.send("pusher:signin",
					Map.of("user_data", userData, "auth", auth(ada.socketId() + "::user::" + userData)));
			JsonNode success = data(ada.next("pusher:signin_success"));
			assertThat(success.get("user_data").stringValue()).isEqualTo(userData);
			ada.subscribe("#server-to-user-ada");
			ada.next("pusher_internal:subscription_succeeded");
			other.subscribe("#server-to-user-ada");
			other.next("pusher:subscription_error");
			template.sendToUser("ada", "graded", Map.of("score", 9));
			JsonNode graded = ada.next("graded");
			assertThat(graded.get("channel").stringValue()).isEqualTo("#server-to-user-ada");
			other.expectNothing(QUIET);
		}
	}

	@Test
	void closesAForgedSignInWith4009() throws Exception {
		try (TestWebSocket forger = TestWebSocket.connect(pusher)) {
			String userData = "{\"id\":\"ada\"}";
			forger.send("pusher:signin", Map.of("user_data", userData, "auth",
					"proto-key:" + PusherCrypto.hmacSha256Hex("guess", forger.socketId() + "::user::" + userData)));
			assertThat(forger.next("pusher:error").at("/data/code").asInt()).isEqualTo(4009);
			assertThat(forger.closeCode()).isEqualTo(4009);
		}
	}

	@Test
	void terminatesEveryConnectionOfAUser() {
		try (TestWebSocket phone = TestWebSocket.connect(pusher);
				TestWebSocket laptop = TestWebSocket.connect(pusher);
				TestWebSocket bystander = TestWebSocket.connect(pusher)) {
			signIn(phone, "ada");
			signIn(laptop, "ada");
			signIn(bystander, "bob");
			template.terminateUserConnections("ada");
			assertThat(phone.closeCode()).isEqualTo(4009);
			assertThat(laptop.closeCode()).isEqualTo(4009);
			bystander.send("{\"event\":\"pusher:ping\"}");
			bystander.next("pusher:pong");
			assertThat(pusher.terminatedUsers()).containsExactly("ada");
		}
	}

	@Test
	void answersBadInputWithErrorsAndKeepsServing() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.send("not json");
			assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("Malformed");
			socket.send("[1,2]");
			socket.next("pusher:error");
			socket.send("{\"event\":42}");
			socket.next("pusher:error");
			socket.send("{\"event\":\"pusher:subscribe\",\"data\":\"{oops\"}");
			socket.next("pusher:error");
			socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"bad channel!\"}}");
			assertThat(socket.next("pusher:subscription_error").at("/data/status").asInt()).isEqualTo(400);
			socket.send("{\"event\":\"something-else\",\"data\":{}}");
			assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("Unknown event");
			socket.send("{\"event\":\"pusher:ping\"}");
			socket.next("pusher:pong");
		}
	}

	@Test
	void closesAConnectionThatSendsAnOversizedMessageWith1009() {
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.send("{\"event\":\"client-big\",\"data\":\"" + "x".repeat(ProtocolServer.MAX_MESSAGE_BYTES) + "\"}");
			assertThat(socket.closeCode()).isEqualTo(1009);
		}
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.send("{\"event\":\"pusher:ping\"}");
			socket.next("pusher:pong");
		}
	}

	@Test
	void refusesClientEventsLargerThanTenKilobytes() {
		String channel = "private-big";
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			socket.subscribe(channel, auth(socket.socketId() + ":" + channel));
			socket.next("pusher_internal:subscription_succeeded");
			socket.send("{\"event\":\"client-big\",\"channel\":\"private-big\",\"data\":\"" + "x".repeat(11 * 1024)
					+ "\"}");
			assertThat(socket.next("pusher:error").at("/data/message").stringValue()).contains("10KB");
		}
	}

	@Test
	void survivesASeededCorpusOfMangledMessages() throws Exception {
		List<String> valid = List.of(
				"{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-x\",\"auth\":\"a:b\"}}",
				"{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-x\",\"auth\":\"a:b\",\"channel_data\":\"{}\"}}",
				"{\"event\":\"client-x\",\"channel\":\"private-x\",\"data\":{\"a\":[1,2,{}]}}",
				"{\"event\":\"pusher:unsubscribe\",\"data\":\"{\\\"channel\\\":null}\"}");
		Random random = new Random(11);
		try (TestWebSocket socket = TestWebSocket.connect(pusher)) {
			for (int i = 0; i < 300; i++) {
				char[] message = valid.get(random.nextInt(valid.size())).toCharArray();
				for (int flips = random.nextInt(4); flips >= 0; flips--) {
					message[random.nextInt(message.length)] = "{}[]\":,0a\\ ".charAt(random.nextInt(11));
				}
				socket.send(new String(message));
			}
			socket.send("{\"event\":\"pusher:ping\"}");
			JsonNode last;
			do {
				last = socket.next();
			}
			while (!"pusher:pong".equals(last.path("event").asString()));
			assertThat(socket.isClosed()).isFalse();
		}
		try (TestWebSocket fresh = TestWebSocket.connect(pusher)) {
			subscribed(fresh, "still-serving");
		}
	}

	private static void subscribed(TestWebSocket socket, String channel) {
		socket.subscribe(channel);
		assertThat(socket.next("pusher_internal:subscription_succeeded").get("channel").stringValue())
			.isEqualTo(channel);
	}

	private static JsonNode joinPresence(TestWebSocket socket, String channel, String userId, String userInfo) {
		String channelData = "{\"user_id\":\"" + userId + "\",\"user_info\":" + userInfo + "}";
		socket.send("pusher:subscribe", Map.of("channel", channel, "channel_data", channelData, "auth",
				auth(socket.socketId() + ":" + channel + ":" + channelData)));
		return socket.next("pusher_internal:subscription_succeeded");
	}

	private static void signIn(TestWebSocket socket, String userId) {
		String userData = "{\"id\":\"" + userId + "\"}";
		socket.send("pusher:signin",
				Map.of("user_data", userData, "auth", auth(socket.socketId() + "::user::" + userData)));
		socket.next("pusher:signin_success");
	}

	static String auth(String signed) {
		return "proto-key:" + PusherCrypto.hmacSha256Hex("proto-secret", signed);
	}

}
