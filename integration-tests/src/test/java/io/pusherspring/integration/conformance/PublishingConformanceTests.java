package io.pusherspring.integration.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.pusherspring.core.BatchResult;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.local.NodeClient;
import io.pusherspring.webhook.CacheMiss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the application publishes through the starter reaches real clients: triggers to
 * one and to 100 channels, batches, {@code excludeSocketId}, encrypted and cache
 * channels, and the channel attributes a trigger asks for.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class PublishingConformanceTests extends ConformanceTest {

	@Test
	void aTriggerReachesEverySubscriberOfItsChannel() throws Exception {
		String channel = channel("news-");
		try (JavaClient java = this.environment.javaClient("ada");
				NodeClient js = this.environment.nodeClient("grace", channel)) {
			java.subscribe(channel, "posted");
			js.next("connected");
			js.next("subscribed");
			this.environment.operations().trigger(channel, "posted", Map.of("text", "Quiz at ten"));
			assertThat(java.next()).isEqualTo("posted on " + channel + ": {\"text\":\"Quiz at ten\"}");
			JsonNode posted = js.next("event");
			assertThat(posted.get("event").asString()).isEqualTo("posted");
			assertThat(posted.at("/data/text").asString()).isEqualTo("Quiz at ten");
		}
	}

	@Test
	void aTriggerToOneHundredChannelsReachesEachOnce() throws Exception {
		List<String> channels = IntStream.range(0, 100).mapToObj((i) -> channel("many-")).toList();
		try (NodeClient js = this.environment.nodeClient("ada", String.join(",", channels))) {
			js.next("connected");
			for (int i = 0; i < 100; i++) {
				js.next("subscribed");
			}
			this.environment.operations().trigger(channels, "tick", Map.of("n", 1));
			Map<String, Integer> received = new HashMap<>();
			for (int i = 0; i < 100; i++) {
				received.merge(js.next("event").get("channel").asString(), 1, Integer::sum);
			}
			assertThat(received).hasSize(100).containsOnlyKeys(channels).allSatisfy((name, times) -> {
				assertThat(times).isOne();
			});
			js.expectNothing(QUIET);
		}
	}

	@Test
	void aBatchReachesEachChannelInOrder() throws Exception {
		String first = channel("private-room-");
		String second = channel("batch-");
		try (JavaClient ada = this.environment.javaClient("ada")) {
			ada.subscribe(first, "step");
			ada.subscribe(second, "step");
			List<PusherMessage> batch = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				batch.add(PusherMessage.of((i % 2 == 0) ? first : second, "step", Map.of("n", i)));
			}
			this.environment.operations().triggerBatch(batch);
			for (int i = 0; i < 10; i++) {
				assertThat(ada.next()).isEqualTo("step on " + ((i % 2 == 0) ? first : second) + ": {\"n\":" + i + "}");
			}
		}
	}

	@Test
	void excludeSocketIdLeavesOutThatConnectionOnly() throws Exception {
		String channel = channel("private-room-");
		try (JavaClient ada = this.environment.javaClient("ada");
				JavaClient grace = this.environment.javaClient("grace")) {
			ada.subscribe(channel, "moved");
			grace.subscribe(channel, "moved");
			this.environment.operations()
				.trigger(PusherMessage.builder()
					.channel(channel)
					.event("moved")
					.data(Map.of("by", "ada"))
					.excludeSocketId(ada.socketId())
					.build());
			assertThat(grace.next()).isEqualTo("moved on " + channel + ": {\"by\":\"ada\"}");
			ada.expectNothing(QUIET);
		}
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void anEncryptedChannelCarriesWhatOnlyItsSubscribersCanRead(CapturedOutput output) throws Exception {
		String channel = channel("private-encrypted-room-");
		try (NodeClient js = this.environment.nodeClient("ada", channel)) {
			js.next("connected");
			js.next("subscribed");
			this.environment.operations().trigger(channel, "secret", Map.of("answer", 42));
			JsonNode secret = js.next("event");
			assertThat(secret.at("/data/answer").asInt()).isEqualTo(42);
		}
		try (JavaClient ada = this.environment.javaClient("ada")) {
			ada.startSubscribing(channel, "secret");
			if (this.server.differsIn(SoketiDifference.PRIVATE_SUBSCRIPTION_SUCCEEDED_WITHOUT_DATA)) {
				// pusher-java-client 2.4.4 reads the missing data of the encrypted
				// channel's subscription_succeeded, fails, and never reports the
				// subscription
				ada.expectNothing(QUIET);
				assertThat(ada.pusher().getPrivateEncryptedChannel(channel).isSubscribed()).isFalse();
				assertThat(output).contains("Exception in thread \"pusher-java-client eventQueue\"")
					.contains("\"data\" is null");
			}
			else {
				assertThat(ada.next()).isEqualTo("subscribed " + channel);
				this.environment.operations().trigger(channel, "secret", Map.of("answer", 42));
				assertThat(ada.next()).isEqualTo("secret on " + channel + ": {\"answer\":42}");
			}
		}
	}

	@Test
	void aCacheChannelGivesANewSubscriberItsLastEventOrACacheMiss() throws Exception {
		String cached = channel("cache-");
		String empty = channel("cache-");
		this.environment.operations().trigger(cached, "score", Map.of("home", 1));
		this.environment.operations().trigger(cached, "score", Map.of("home", 2));
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe(cached, null);
			assertThat(client.next("pusher_internal:subscription_succeeded").path("channel").asString())
				.isEqualTo(cached);
			JsonNode last = client.next("score");
			assertThat(RawClient.data(last).path("home").asInt()).isEqualTo(2);
			client.subscribe(empty, null);
			client.next("pusher_internal:subscription_succeeded");
			assertThat(client.next("pusher:cache_miss").path("channel").asString()).isEqualTo(empty);
		}
		await().atMost(RawClient.TIMEOUT)
			.untilAsserted(() -> assertThat(this.environment.webhooks().about(empty))
				.anySatisfy((event) -> assertThat(event).isInstanceOf(CacheMiss.class)));
	}

	@Test
	void aTriggerReportsTheAttributesItAskedFor() throws Exception {
		String channel = channel("presence-room-");
		PusherOperations operations = this.environment.operations();
		try (JavaClient ada = this.environment.javaClient("ada");
				JavaClient grace = this.environment.javaClient("grace")) {
			ada.subscribe(channel);
			grace.subscribe(channel);
			TriggerResult result = operations.trigger(PusherMessage.builder()
				.channel(channel)
				.event("counted")
				.data(Map.of())
				.info(ChannelInfo.USER_COUNT)
				.build());
			BatchResult batch = operations.triggerBatch(List.of(PusherMessage.builder()
				.channel(channel)
				.event("counted")
				.data(Map.of())
				.info(ChannelInfo.USER_COUNT)
				.build(), PusherMessage.of(channel, "uncounted", Map.of())));
			if (this.server.differsIn(SoketiDifference.TRIGGER_INFO_IGNORED)) {
				assertThat(result.channels()).isEmpty();
				assertThat(batch.results()).allSatisfy((each) -> assertThat(each.channels()).isEmpty());
			}
			else {
				// subscription_count needs subscription counting, off as on Pusher
				assertThat(result.userCount(channel)).hasValue(2);
				assertThat(batch.results().get(0).userCount(channel)).hasValue(2);
				assertThat(batch.results().get(1).channels()).isEmpty();
			}
		}
	}

	@Test
	void anUnsubscribedConnectionGetsNoMoreEventsAndARepeatedSubscriptionIsConfirmedOnce() throws Exception {
		String channel = channel("private-room-");
		try (RawClient client = this.environment.rawClient()) {
			JsonNode authorization = this.environment.authorize("ada", client.socketId(), channel);
			client.subscribe(channel, authorization);
			client.next("pusher_internal:subscription_succeeded");
			this.environment.operations().trigger(channel, "step", Map.of("n", 1));
			client.next("step");
			client.send("pusher:unsubscribe", null, Map.of("channel", channel));
			// the unsubscription and the trigger race: wait until the server has it
			await().atMost(RawClient.TIMEOUT).until(() -> !this.environment.operations().channel(channel).occupied());
			this.environment.operations().trigger(channel, "step", Map.of("n", 2));
			client.expectNothing(QUIET);
			client.subscribe(channel, authorization);
			client.next("pusher_internal:subscription_succeeded");
			client.subscribe(channel, authorization);
			client.next("pusher_internal:subscription_succeeded");
			this.environment.operations().trigger(channel, "step", Map.of("n", 3));
			assertThat(RawClient.data(client.next("step")).path("n").asInt()).isEqualTo(3);
			client.expectNothing(QUIET);
		}
	}

}
