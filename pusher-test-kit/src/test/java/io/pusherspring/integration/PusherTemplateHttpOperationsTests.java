package io.pusherspring.integration;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.pusherspring.core.BatchResult;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.RecordedEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link PusherOperations} method of a real {@link PusherTemplate} over real HTTP,
 * against {@link FakePusherServer}.
 */
class PusherTemplateHttpOperationsTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@RegisterExtension
	final FakePusherTemplates templates = new FakePusherTemplates(pusher);

	private PusherTemplate template;

	@BeforeEach
	void createTemplate() {
		this.template = new PusherTemplate(this.templates.transport(FakePusherTemplates.READ_TIMEOUT));
	}

	@Test
	void triggersAnEventOnOneChannel() {
		TriggerResult result = this.template.trigger("orders", "order.created", Map.of("id", 42));
		assertThat(result.channels()).isEmpty();
		assertThat(pusher.recorder().events()).singleElement().satisfies((event) -> {
			assertThat(event.channels()).containsExactly("orders");
			assertThat(event.event()).isEqualTo("order.created");
			assertThat(event.dataAsMap()).isEqualTo(Map.of("id", 42));
			assertThat(event.excludedSocketId()).isNull();
		});
		assertThat(pusher.requests()).singleElement().satisfies((request) -> {
			assertThat(request.method()).isEqualTo("POST");
			assertThat(request.path()).isEqualTo("/apps/1000/events");
			assertThat(request.status()).isEqualTo(200);
		});
	}

	@Test
	void sendsStringDataAsItIs() {
		this.template.trigger("orders", "note", "plain \"text\"");
		assertThat(pusher.recorder().events()).singleElement()
			.satisfies((event) -> assertThat(event.data()).isEqualTo("plain \"text\""));
	}

	@Test
	void signsNonAsciiDataOnBothPaths() {
		String data = "héllo ✓ 你好 😀";
		this.template.trigger("orders", "note", data);
		assertThat(this.template.triggerAsync(PusherMessage.of("orders", "note", data)))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(pusher.recorder().events()).extracting(RecordedEvent::data).containsExactly(data, data);
	}

	@Test
	void triggersAnEventOnSeveralChannelsInOneCall() {
		this.template.trigger(List.of("orders", "private-orders", "presence-orders"), "order.created", Map.of());
		assertThat(pusher.recorder().events()).singleElement()
			.satisfies((event) -> assertThat(event.channels()).containsExactly("orders", "private-orders",
					"presence-orders"));
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void triggersAMessageExcludingASocketAndReportsChannelCounts() {
		pusher.stubChannel("presence-room", 5, "alice", "bob");
		PusherMessage message = PusherMessage.builder()
			.channels("presence-room", "presence-empty")
			.event("moved")
			.data(Map.of("x", 1))
			.excludeSocketId("123.456")
			.info(ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT)
			.build();
		TriggerResult result = this.template.trigger(message);
		assertThat(result.userCount("presence-room")).hasValue(2);
		assertThat(result.subscriptionCount("presence-room")).hasValue(5);
		assertThat(result.channel("presence-room")).hasValueSatisfying((info) -> assertThat(info.occupied()).isTrue());
		assertThat(result.userCount("presence-empty")).hasValue(0);
		assertThat(result.channel("presence-empty"))
			.hasValueSatisfying((info) -> assertThat(info.occupied()).isFalse());
		assertThat(pusher.recorder().events()).singleElement()
			.satisfies((event) -> assertThat(event.excludedSocketId()).isEqualTo("123.456"));
	}

	@Test
	void triggersABatchWithPerEventInfo() {
		pusher.stubChannel("presence-room", 4, "alice", "bob", "carol");
		pusher.stubChannel("private-feed", 7);
		BatchResult result = this.template.triggerBatch(List.of(
				PusherMessage.builder()
					.channel("presence-room")
					.event("a")
					.data("1")
					.info(ChannelInfo.USER_COUNT)
					.build(),
				PusherMessage.of("orders", "b", "2"),
				PusherMessage.builder()
					.channel("private-feed")
					.event("c")
					.data("3")
					.excludeSocketId("1.2")
					.info(ChannelInfo.SUBSCRIPTION_COUNT)
					.build()));
		assertThat(result.size()).isEqualTo(3);
		assertThat(result.results().get(0).userCount("presence-room")).hasValue(3);
		assertThat(result.results().get(0).subscriptionCount("presence-room")).isEmpty();
		assertThat(result.results().get(1).channels()).isEmpty();
		assertThat(result.results().get(2).subscriptionCount("private-feed")).hasValue(7);
		assertThat(pusher.recorder().events()).extracting(RecordedEvent::event).containsExactly("a", "b", "c");
		assertThat(pusher.recorder().events().get(2).excludedSocketId()).isEqualTo("1.2");
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.path()).isEqualTo("/apps/1000/batch_events"));
	}

	@Test
	void sendsAMessageToSeveralChannelsInABatchAsOneEventPerChannel() {
		BatchResult result = this.template
			.triggerBatch(List.of(PusherMessage.builder().channels("a", "b").event("e").data("d").build()));
		assertThat(result.size()).isEqualTo(2);
		assertThat(pusher.recorder().events()).extracting(RecordedEvent::channels)
			.containsExactly(List.of("a"), List.of("b"));
	}

	@Test
	void triggersAsynchronously() {
		pusher.stubChannel("presence-room", 2, "alice");
		PusherMessage message = PusherMessage.builder()
			.channel("presence-room")
			.event("moved")
			.data(Map.of())
			.info(ChannelInfo.USER_COUNT)
			.build();
		assertThat(this.template.triggerAsync(message)).succeedsWithin(Duration.ofSeconds(5))
			.satisfies((result) -> assertThat(result.userCount("presence-room")).hasValue(1));
		assertThat(pusher.recorder().events()).hasSize(1);
	}

	@Test
	void sendsToAUsersServerToUserChannel() {
		this.template.sendToUser("42", "notice", Map.of("text", "hi"));
		assertThat(pusher.recorder().events()).singleElement().satisfies((event) -> {
			assertThat(event.channels()).containsExactly("#server-to-user-42");
			assertThat(event.event()).isEqualTo("notice");
			assertThat(event.dataAsMap()).isEqualTo(Map.of("text", "hi"));
		});
	}

	@Test
	void queriesAChannel() {
		pusher.stubChannel("presence-room", 5, "alice", "bob");
		assertThat(this.template.channel("presence-room", ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT))
			.isEqualTo(new ChannelInfo("presence-room", true, 2, 5));
		assertThat(this.template.channel("private-nobody"))
			.isEqualTo(new ChannelInfo("private-nobody", false, null, null));
		assertThat(pusher.requests()).extracting(ReceivedRequest::path)
			.containsExactly("/apps/1000/channels/presence-room", "/apps/1000/channels/private-nobody");
		assertThat(pusher.requests().get(0).query()).containsEntry("info", "user_count,subscription_count");
	}

	@Test
	void queriesAChannelWhoseNameUsesEveryAllowedCharacter() {
		String channel = "presence-AZaz09_-=@,.;";
		pusher.stubChannel(channel, 2, "alice");
		assertThat(this.template.channel(channel, ChannelInfo.USER_COUNT).userCount()).isEqualTo(1);
		assertThat(this.template.users(channel)).containsExactly("alice");
		assertThat(this.template.channels(channel, ChannelInfo.USER_COUNT)).containsOnlyKeys(channel);
		this.template.trigger(channel, "e", "d");
		assertThat(pusher.recorder().events(channel)).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsOnly(200);
	}

	@Test
	void listsChannelsByPrefixWithUserCounts() {
		pusher.stubChannel("presence-a", 2, "alice", "bob");
		pusher.stubChannel("presence-b", 1, "carol");
		pusher.stubChannel("private-c", 3);
		pusher.stubChannel("presence-vacant", 0);
		assertThat(this.template.channels("presence-", ChannelInfo.USER_COUNT)).containsExactly(
				Map.entry("presence-a", new ChannelInfo("presence-a", true, 2, null)),
				Map.entry("presence-b", new ChannelInfo("presence-b", true, 1, null)));
		assertThat(this.template.channels(null)).containsOnlyKeys("presence-a", "presence-b", "private-c");
		assertThat(pusher.requests().get(0).query()).containsEntry("filter_by_prefix", "presence-")
			.containsEntry("info", "user_count");
		assertThat(pusher.requests().get(1).query()).doesNotContainKeys("filter_by_prefix", "info");
	}

	@Test
	void listsTheUsersOfAPresenceChannel() {
		pusher.stubChannel("presence-room", 3, "alice", "bob");
		assertThat(this.template.users("presence-room")).containsExactly("alice", "bob");
		assertThat(this.template.users("presence-empty")).isEmpty();
	}

	@Test
	void terminatesTheConnectionsOfAUser() {
		this.template.terminateUserConnections("alice");
		assertThat(pusher.terminatedUsers()).containsExactly("alice");
		assertThat(pusher.requests()).singleElement()
			.satisfies(
					(request) -> assertThat(request.path()).isEqualTo("/apps/1000/users/alice/terminate_connections"));
	}

	@Test
	void encryptsDataForAnEncryptedChannel() {
		ChannelEncryption encryption = new ChannelEncryption(randomMasterKey());
		PusherTemplate encrypting = this.templates.template((builder) -> builder.encryption(encryption));
		encrypting.trigger("private-encrypted-orders", "created", Map.of("card", "4242"));
		RecordedEvent event = pusher.recorder().events().get(0);
		JsonNode data = JsonMapper.shared().readTree(event.data());
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("nonce", "ciphertext");
		assertThat(event.data()).doesNotContain("4242");
		assertThat(encryption.decrypt("private-encrypted-orders", data.get("nonce").asString(),
				data.get("ciphertext").asString()))
			.isEqualTo("{\"card\":\"4242\"}");
	}

	@Test
	void encryptsEachEncryptedChannelOfABatchWithItsOwnKey() {
		ChannelEncryption encryption = new ChannelEncryption(randomMasterKey());
		PusherTemplate encrypting = this.templates.template((builder) -> builder.encryption(encryption));
		encrypting.triggerBatch(List.of(PusherMessage.builder()
			.channels("private-encrypted-a", "private-encrypted-b", "orders")
			.event("e")
			.data("secret")
			.build()));
		List<RecordedEvent> events = pusher.recorder().events();
		for (String channel : List.of("private-encrypted-a", "private-encrypted-b")) {
			JsonNode data = JsonMapper.shared().readTree(pusher.recorder().events(channel).get(0).data());
			assertThat(encryption.decrypt(channel, data.get("nonce").asString(), data.get("ciphertext").asString()))
				.isEqualTo("secret");
		}
		assertThat(events.get(2).data()).isEqualTo("secret");
	}

	@Test
	void splitsTwoHundredFiftyChannelsIntoThreeTriggers() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "channel-" + i).toList();
		this.template.trigger(channels, "broadcast", Map.of());
		assertThat(pusher.requests()).hasSize(3).allSatisfy((request) -> assertThat(request.isTo("/events")).isTrue());
		assertThat(pusher.recorder().events()).extracting((event) -> event.channels().size())
			.containsExactly(100, 100, 50);
		assertThat(receivedChannels()).containsExactlyElementsOf(channels);
	}

	@Test
	void splitsTwoHundredFiftyChannelsIntoThreeConcurrentTriggersAsynchronously() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "presence-" + i).toList();
		pusher.stubChannel("presence-7", 1, "alice");
		pusher.stubChannel("presence-249", 1, "bob", "carol");
		PusherMessage message = PusherMessage.builder()
			.channels(channels)
			.event("broadcast")
			.data(Map.of())
			.info(ChannelInfo.USER_COUNT)
			.build();
		TriggerResult result = this.template.triggerAsync(message).join();
		assertThat(result.channels()).hasSize(250);
		assertThat(result.userCount("presence-7")).hasValue(1);
		assertThat(result.userCount("presence-249")).hasValue(2);
		assertThat(pusher.requests()).hasSize(3);
		assertThat(receivedChannels()).containsExactlyInAnyOrderElementsOf(channels);
	}

	@Test
	void splitsTwentyFiveBatchEventsIntoThreeCalls() {
		pusher.stubChannel("presence-23", 1, "alice", "bob");
		List<PusherMessage> messages = IntStream.range(0, 25)
			.mapToObj((i) -> PusherMessage.builder()
				.channel("presence-" + i)
				.event("event-" + i)
				.data(Map.of("i", i))
				.info((i % 2 == 1) ? new String[] { ChannelInfo.USER_COUNT } : new String[0])
				.build())
			.toList();
		BatchResult result = this.template.triggerBatch(messages);
		assertThat(result.size()).isEqualTo(25);
		assertThat(result.results().get(23).userCount("presence-23")).hasValue(2);
		assertThat(result.results().get(21).userCount("presence-21")).hasValue(0);
		assertThat(result.results().get(22).channels()).isEmpty();
		assertThat(pusher.requests()).hasSize(3)
			.allSatisfy((request) -> assertThat(request.isTo("/batch_events")).isTrue())
			.extracting((request) -> JsonMapper.shared().readTree(request.body()).get("batch").size())
			.containsExactly(10, 10, 5);
		assertThat(pusher.recorder().events()).extracting(RecordedEvent::event)
			.containsExactlyElementsOf(IntStream.range(0, 25).mapToObj((i) -> "event-" + i).toList());
	}

	@Test
	void sendsLargerPayloadsWhenBothLimitsAreRaised() {
		pusher.maxPayloadSize(DataSize.ofKilobytes(20));
		PusherTemplate raised = this.templates.template((builder) -> builder.maxPayloadSize(DataSize.ofKilobytes(20)));
		String data = "x".repeat(15 * 1024);
		raised.trigger("orders", "big", data);
		assertThat(pusher.recorder().events()).singleElement()
			.satisfies((event) -> assertThat(event.data()).isEqualTo(data));
	}

	private static List<String> receivedChannels() {
		List<String> received = new ArrayList<>();
		pusher.recorder().events().forEach((event) -> received.addAll(event.channels()));
		return received;
	}

	private static String randomMasterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
