package io.pusherspring.integration.conformance;

import java.util.Map;

import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.connection.ConnectionState;
import io.pusherspring.integration.local.JavaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in through the application's {@code /pusher/user-auth}, what is sent to a user,
 * terminating a user's connections, and client events.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class UserConformanceTests extends ConformanceTest {

	@Test
	void whatIsSentToAUserReachesEachOfTheirConnectionsOnly() throws Exception {
		try (JavaClient phone = this.environment.javaClient("ada");
				JavaClient laptop = this.environment.javaClient("ada");
				JavaClient alan = this.environment.javaClient("alan")) {
			phone.signIn("graded");
			laptop.signIn("graded");
			alan.signIn("graded");
			this.environment.operations().sendToUser("ada", "graded", Map.of("score", 9));
			assertThat(phone.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
			assertThat(laptop.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
			alan.expectNothing(QUIET);
		}
	}

	@Test
	void terminatingAUserClosesEachOfTheirConnectionsWith4009() {
		try (JavaClient phone = this.environment.javaClient("ada");
				JavaClient laptop = this.environment.javaClient("ada");
				JavaClient alan = this.environment.javaClient("alan")) {
			phone.signIn();
			laptop.signIn();
			alan.signIn();
			this.environment.operations().terminateUserConnections("ada");
			phone.awaitState(ConnectionState.DISCONNECTED);
			laptop.awaitState(ConnectionState.DISCONNECTED);
			assertThat(phone.errors()).anySatisfy((error) -> assertThat(error).startsWith("4009"));
			assertThat(alan.pusher().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void aSignInIsConfirmedWithTheUserData() {
		try (RawClient client = this.environment.rawClient()) {
			JsonNode authentication = this.environment.authenticate("ada", client.socketId());
			client.send("pusher:signin", null, Map.of("auth", authentication.path("auth").asString(), "user_data",
					authentication.path("user_data").asString()));
			JsonNode success = client.next("pusher:signin_success");
			assertThat(RawClient.data(success).path("user_data").asString())
				.isEqualTo(authentication.path("user_data").asString());
		}
	}

	@Test
	void aForgedSignInClosesTheConnectionWith4009() {
		try (RawClient client = this.environment.rawClient()) {
			client.send("pusher:signin", null,
					Map.of("auth", ServerEnvironment.KEY + ":" + "0".repeat(64), "user_data", "{\"id\":\"ada\"}"));
			assertThat(RawClient.data(client.next("pusher:error")).path("code").asInt()).isEqualTo(4009);
			assertThat(client.awaitClose()).isEqualTo(4009);
		}
	}

	@Test
	void aUsersChannelIsForThatSignedInUserOnly() throws Exception {
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe("#server-to-user-ada", null);
			JsonNode answer = client.next();
			if (this.server.differsIn(SoketiDifference.SERVER_TO_USER_CHANNEL_OPEN)) {
				assertThat(answer.path("event").asString()).isEqualTo("pusher_internal:subscription_succeeded");
			}
			else {
				assertThat(answer.path("event").asString()).isEqualTo("pusher:subscription_error");
			}
			this.environment.operations().sendToUser("ada", "graded", Map.of("score", 9));
			client.expectNothing(QUIET);
		}
	}

	@Test
	void clientEventsReachTheOtherMembersWithTheSendersUserId() throws Exception {
		String channel = channel("presence-room-");
		try (JavaClient grace = this.environment.javaClient("grace");
				JavaClient ada = this.environment.javaClient("ada")) {
			grace.subscribe(channel, "client-raise-hand");
			ada.subscribe(channel, "client-raise-hand");
			grace.next();
			PrivateChannel room = ada.pusher().getPresenceChannel(channel);
			room.trigger("client-raise-hand", "{\"question\":\"May I?\"}");
			assertThat(grace.next())
				.isEqualTo("client-raise-hand on " + channel + ": {\"question\":\"May I?\"} from ada");
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void clientEventsOnAPrivateChannelCarryNoUserId() throws Exception {
		String channel = channel("private-room-");
		try (RawClient grace = this.environment.rawClient(); RawClient ada = this.environment.rawClient()) {
			grace.subscribe(channel, this.environment.authorize("grace", grace.socketId(), channel));
			grace.next("pusher_internal:subscription_succeeded");
			ada.subscribe(channel, this.environment.authorize("ada", ada.socketId(), channel));
			ada.next("pusher_internal:subscription_succeeded");
			ada.send("client-typing", channel, Map.of("typing", true));
			JsonNode typing = grace.next("client-typing");
			assertThat(typing.path("channel").asString()).isEqualTo(channel);
			assertThat(RawClient.data(typing).path("typing").asBoolean()).isTrue();
			assertThat(typing.has("user_id")).isFalse();
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void clientEventsOnAPublicChannelAreNotRelayed() throws Exception {
		String channel = channel("lobby-");
		try (RawClient grace = this.environment.rawClient(); RawClient mallory = this.environment.rawClient()) {
			grace.subscribe(channel, null);
			grace.next("pusher_internal:subscription_succeeded");
			mallory.subscribe(channel, null);
			mallory.next("pusher_internal:subscription_succeeded");
			mallory.send("client-spoof", channel, Map.of("admin", true));
			if (this.server.differsIn(SoketiDifference.CLIENT_EVENTS_ON_PUBLIC_CHANNELS)) {
				assertThat(RawClient.data(grace.next("client-spoof")).path("admin").asBoolean()).isTrue();
			}
			else {
				mallory.next("pusher:error");
				grace.expectNothing(QUIET);
			}
		}
	}

	@Test
	void clientEventsAreLimitedToTenPerSecondPerConnection() throws Exception {
		String channel = channel("private-room-");
		try (RawClient grace = this.environment.rawClient(); RawClient ada = this.environment.rawClient()) {
			grace.subscribe(channel, this.environment.authorize("grace", grace.socketId(), channel));
			grace.next("pusher_internal:subscription_succeeded");
			ada.subscribe(channel, this.environment.authorize("ada", ada.socketId(), channel));
			ada.next("pusher_internal:subscription_succeeded");
			for (int i = 0; i < 30; i++) {
				ada.send("client-move", channel, Map.of("n", i));
			}
			int relayed = 0;
			JsonNode frame;
			while ((frame = grace.poll(QUIET)) != null) {
				assertThat(frame.path("event").asString()).isEqualTo("client-move");
				relayed++;
			}
			if (this.server.differsIn(SoketiDifference.CLIENT_EVENTS_NOT_RATE_LIMITED)) {
				assertThat(relayed).isEqualTo(30);
			}
			else {
				assertThat(relayed).isLessThan(30);
				assertThat(RawClient.data(ada.next("pusher:error")).path("code").asInt()).isEqualTo(4301);
			}
		}
	}

}
