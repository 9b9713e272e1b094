package io.pusherspring.integration.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.pusher.client.ChannelAuthorizer;
import io.pusherspring.integration.local.JavaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private, presence and encrypted subscriptions are authorized by the application's
 * {@code /pusher/auth} and verified by the server; what the server answers a
 * subscription, frame by frame; the limits on channel names and presence members.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class AuthorizationConformanceTests extends ConformanceTest {

	private static final JsonMapper json = JsonMapper.shared();

	@Test
	void aPrivateChannelNeedsTheApplicationsSignature() throws Exception {
		String channel = channel("private-room-");
		try (JavaClient ada = this.environment.javaClient("ada")) {
			ada.subscribe(channel, "homework");
			this.environment.operations().trigger(channel, "homework", Map.of("page", 12));
			assertThat(ada.next()).isEqualTo("homework on " + channel + ": {\"page\":12}");
		}
		ChannelAuthorizer forger = (name, socketId) -> "{\"auth\":\"" + ServerEnvironment.KEY + ":" + "0".repeat(64)
				+ "\"}";
		try (JavaClient mallory = JavaClient
			.authorizingWith(forger, "127.0.0.1", this.environment.port(), ServerEnvironment.KEY,
					this.environment.appUrl())
			.connect()) {
			mallory.startSubscribing(channel, "homework", "pusher:subscription_error");
			assertThat(mallory.next()).startsWith("pusher:subscription_error on " + channel + ": ");
			this.environment.operations().trigger(channel, "homework", Map.of("page", 13));
			mallory.expectNothing(QUIET);
		}
	}

	@Test
	void aForgedSubscriptionIsAnsweredWithASubscriptionError() {
		String channel = channel("private-room-");
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe(channel,
					json.readTree("{\"auth\":\"" + ServerEnvironment.KEY + ":" + "0".repeat(64) + "\"}"));
			JsonNode error = client.next("pusher:subscription_error");
			assertThat(error.path("channel").asString()).isEqualTo(channel);
			JsonNode data = RawClient.data(error);
			assertThat(data.path("type").asString()).isEqualTo("AuthError");
			assertThat(data.path("status").asInt()).isEqualTo(401);
		}
	}

	@Test
	void aPrivateSubscriptionSucceedsWithAnEmptyObjectAsData() {
		String channel = channel("private-room-");
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe(channel, this.environment.authorize("ada", client.socketId(), channel));
			JsonNode succeeded = client.next("pusher_internal:subscription_succeeded");
			assertThat(succeeded.path("channel").asString()).isEqualTo(channel);
			if (this.server.differsIn(SoketiDifference.PRIVATE_SUBSCRIPTION_SUCCEEDED_WITHOUT_DATA)) {
				assertThat(succeeded.has("data")).isFalse();
			}
			else {
				assertThat(succeeded.path("data").isString()).isTrue();
				assertThat(RawClient.data(succeeded).isObject()).isTrue();
			}
		}
	}

	@Test
	void aPresenceChannelListsItsMembersAndAnnouncesWhoComesAndGoes() throws Exception {
		String channel = channel("presence-room-");
		try (JavaClient grace = this.environment.javaClient("grace");
				JavaClient ada = this.environment.javaClient("ada")) {
			grace.subscribe(channel);
			assertThat(grace.members(channel)).containsExactly("grace");
			ada.subscribe(channel);
			assertThat(ada.members(channel)).containsExactly("ada", "grace");
			assertThat(grace.next()).isEqualTo("joined " + channel + ": ada {\"name\":\"Ada\"}");
			try (JavaClient adasPhone = this.environment.javaClient("ada")) {
				adasPhone.subscribe(channel);
				// the same user on another connection is no new member
				grace.expectNothing(QUIET);
			}
			ada.pusher().unsubscribe(channel);
			assertThat(grace.next()).isEqualTo("left " + channel + ": ada");
		}
	}

	@Test
	void aPresenceSubscriptionListsTheMembersWithTheirInfo() {
		String channel = channel("presence-room-");
		try (JavaClient grace = this.environment.javaClient("grace"); RawClient client = this.environment.rawClient()) {
			grace.subscribe(channel);
			client.subscribe(channel, this.environment.authorize("ada", client.socketId(), channel));
			JsonNode presence = RawClient.data(client.next("pusher_internal:subscription_succeeded")).path("presence");
			assertThat(presence.path("count").asInt()).isEqualTo(2);
			assertThat(presence.path("ids").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("ada",
					"grace");
			assertThat(presence.at("/hash/grace/name").asString()).isEqualTo("Grace");
			assertThat(presence.at("/hash/ada/name").asString()).isEqualTo("Ada");
		}
	}

	@Test
	void aChannelTheApplicationDeniesIsNotSubscribed() throws Exception {
		String channel = channel("private-room-closed");
		try (JavaClient ada = this.environment.javaClient("ada")) {
			ada.startSubscribing(channel, "homework");
			assertThat(ada.next()).startsWith("authentication failed");
			this.environment.operations().trigger(channel, "homework", Map.of("page", 1));
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void aChannelNameLongerThan164CharactersIsRefused() {
		String channel = channel("long-") + "x".repeat(170);
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe(channel, null);
			if (this.server.differsIn(SoketiDifference.LARGER_LIMITS)) {
				client.next("pusher_internal:subscription_succeeded");
			}
			else {
				client.next("pusher:subscription_error");
			}
		}
	}

	@Test
	void presenceUserInfoLargerThan1KBIsRefused() {
		String channel = channel("presence-room-");
		try (RawClient client = this.environment.rawClient()) {
			String channelData = json
				.writeValueAsString(Map.of("user_id", "ada", "user_info", Map.of("bio", "x".repeat(1500))));
			String auth = ServerEnvironment.KEY + ":" + SignedRequests.hmac(ServerEnvironment.SECRET,
					client.socketId() + ":" + channel + ":" + channelData);
			assertThat(channelData.getBytes(StandardCharsets.UTF_8).length).isBetween(1500, 2000);
			client.send("pusher:subscribe", null,
					Map.of("channel", channel, "auth", auth, "channel_data", channelData));
			if (this.server.differsIn(SoketiDifference.LARGER_LIMITS)) {
				client.next("pusher_internal:subscription_succeeded");
			}
			else {
				client.next("pusher:subscription_error");
			}
		}
	}

	@Test
	void aWrongAppKeyIsRefusedWith4001() {
		try (RawClient client = RawClient.open("127.0.0.1", this.environment.port(), "wrong-key")) {
			JsonNode error = client.next("pusher:error");
			assertThat(RawClient.data(error).path("code").asInt()).isEqualTo(4001);
			assertThat(client.awaitClose()).isEqualTo(4001);
		}
	}

}
