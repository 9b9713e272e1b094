package io.pusherspring.integration.local;

import java.util.Map;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.channel.PrivateChannel;
import com.pusher.client.connection.ConnectionState;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pusher-java-client 2.4.4 against a {@link LocalPusherServer}, authorized by the
 * application's real {@code /pusher/auth} and {@code /pusher/user-auth} endpoints, and
 * receiving what the application publishes through its auto-configured
 * {@link PusherOperations}.
 */
@SpringBootTest(classes = LiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PusherJavaClientTests extends PusherJavaClientTestSupport {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	PusherJavaClientTests() {
		super(pusher);
	}

	@Test
	void receivesEventsOnAPublicChannel() {
		try (JavaClient ada = client("ada")) {
			ada.subscribe("announcements", "posted");
			this.operations.trigger("announcements", "posted", Map.of("text", "Quiz at ten"));
			assertThat(ada.next()).isEqualTo("posted on announcements: {\"text\":\"Quiz at ten\"}");
			assertThat(pusher.recorder()).hasTriggered("announcements", "posted");
		}
	}

	@Test
	void receivesEventsOnAPrivateChannelItIsAuthorizedFor() {
		try (JavaClient ada = client("ada")) {
			ada.subscribe("private-class-7", "homework");
			for (int i = 1; i <= 5; i++) {
				this.operations.trigger("private-class-7", "homework", Map.of("page", i));
			}
			for (int i = 1; i <= 5; i++) {
				assertThat(ada.next()).isEqualTo("homework on private-class-7: {\"page\":" + i + "}");
			}
		}
	}

	@Test
	void isNotSubscribedToAChannelTheApplicationDenies() throws Exception {
		try (JavaClient ada = client("ada")) {
			ada.startSubscribing("private-class-8", "homework");
			assertThat(ada.next()).startsWith("authentication failed");
			this.operations.trigger("private-class-8", "homework", Map.of("page", 1));
			ada.expectNothing(QUIET);
			assertThat(pusher.recorder()).hasTriggered("private-class-8", "homework");
		}
	}

	@Test
	void aForgedAuthorizationGetsASubscriptionErrorAndNoEvents() throws Exception {
		ChannelAuthorizer forger = (channel, socketId) -> "{\"auth\":\"" + pusher.getKey() + ":" + "0".repeat(64)
				+ "\"}";
		try (JavaClient mallory = JavaClient.authorizingWith(forger, pusher, this.port).connect()) {
			mallory.startSubscribing("private-class-7", "homework", "pusher:subscription_error");
			assertThat(mallory.next()).startsWith("pusher:subscription_error on private-class-7: ");
			this.operations.trigger("private-class-7", "homework", Map.of("page", 1));
			mallory.expectNothing(QUIET);
			assertThat(mallory.pusher().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
		}
	}

	@Test
	void seesPresenceMembersComeAndGo() throws Exception {
		try (JavaClient grace = client("grace"); JavaClient ada = client("ada")) {
			grace.subscribe("presence-class-7");
			assertThat(grace.members("presence-class-7")).containsExactly("grace");
			ada.subscribe("presence-class-7");
			assertThat(ada.members("presence-class-7")).containsExactly("ada", "grace");
			assertThat(grace.next()).isEqualTo("joined presence-class-7: ada {\"name\":\"Ada\"}");
			assertThat(this.operations.users("presence-class-7")).containsExactlyInAnyOrder("ada", "grace");
			ada.pusher().unsubscribe("presence-class-7");
			assertThat(grace.next()).isEqualTo("left presence-class-7: ada");
			assertThat(this.operations.users("presence-class-7")).containsExactly("grace");
		}
	}

	@Test
	void relaysClientEventsToTheOtherMembers() throws Exception {
		try (JavaClient grace = client("grace"); JavaClient ada = client("ada")) {
			grace.subscribe("presence-class-7", "client-raise-hand");
			ada.subscribe("presence-class-7", "client-raise-hand");
			grace.next();
			PrivateChannel room = ada.pusher().getPresenceChannel("presence-class-7");
			room.trigger("client-raise-hand", "{\"question\":\"May I?\"}");
			assertThat(grace.next())
				.isEqualTo("client-raise-hand on presence-class-7: {\"question\":\"May I?\"} from ada");
			ada.expectNothing(QUIET);
			assertThat(pusher.recorder()).hasNoEvents();
		}
	}

	@Test
	void leavesOutTheSocketThatCausedAnEvent() throws Exception {
		try (JavaClient grace = client("grace"); JavaClient ada = client("ada")) {
			grace.subscribe("private-class-7", "hand-lowered");
			ada.subscribe("private-class-7", "hand-lowered");
			this.operations.trigger(PusherMessage.builder()
				.channel("private-class-7")
				.event("hand-lowered")
				.data(Map.of("by", "ada"))
				.excludeSocketId(ada.socketId())
				.build());
			assertThat(grace.next()).isEqualTo("hand-lowered on private-class-7: {\"by\":\"ada\"}");
			ada.expectNothing(QUIET);
		}
	}

	@Test
	void terminatingAUserDisconnectsEachOfTheirConnections() {
		try (JavaClient phone = client("ada"); JavaClient laptop = client("ada"); JavaClient alan = client("alan")) {
			phone.signIn();
			laptop.signIn();
			alan.signIn();
			this.operations.terminateUserConnections("ada");
			phone.awaitState(ConnectionState.DISCONNECTED);
			laptop.awaitState(ConnectionState.DISCONNECTED);
			assertThat(phone.errors()).anySatisfy((error) -> assertThat(error).startsWith("4009"));
			assertThat(alan.pusher().getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
			await().atMost(JavaClient.TIMEOUT).until(() -> pusher.connectionCount() == 1);
		}
	}

	@Test
	void aWrongAppKeyIsRefusedWith4001() {
		try (JavaClient stranger = JavaClient.as("ada", "wrong-key", pusher, this.port)) {
			stranger.startConnecting();
			await().atMost(JavaClient.TIMEOUT)
				.untilAsserted(() -> assertThat(stranger.errors())
					.anySatisfy((error) -> assertThat(error).startsWith("4001")));
			stranger.awaitState(ConnectionState.DISCONNECTED);
			assertThat(stranger.states()).doesNotContain(ConnectionState.CONNECTED);
		}
	}

}
