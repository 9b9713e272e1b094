package io.pusherspring.integration.auth;

import java.util.Map;

import com.pusher.client.AuthenticationFailureException;
import com.pusher.client.AuthorizationFailureException;
import com.pusher.client.channel.impl.PresenceChannelImpl;
import com.pusher.client.channel.impl.PrivateChannelImpl;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.impl.InternalConnection;
import com.pusher.client.util.Factory;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import io.pusherspring.test.PusherSignatures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * pusher-java-client's own HTTP authorizer and authenticator against the running
 * endpoints, and its channels turning the answers into the subscribe messages they send
 * to Pusher.
 */
@SpringBootTest(classes = ClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.app-id=3", "pusher.key=app-key", "pusher.secret=app-secret" })
class PusherJavaClientTests {

	private static final String SOCKET_ID = "123.456";

	private static final JsonMapper json = JsonMapper.shared();

	private final PusherSignatures signatures = PusherSignatures.of("app-key", "app-secret");

	private final Factory factory = new Factory();

	@LocalServerPort
	private int port;

	@AfterEach
	void shutDownClientThreads() {
		this.factory.shutdownThreads();
	}

	@Test
	void privateChannelSubscribesWithTheAuthorization() {
		String channel = "private-class-" + Classroom.MATHS;
		PrivateChannelImpl subscription = this.factory.newPrivateChannel(new Connected(), channel,
				authorizer(TestJwts.token("s-2", "STUDENT")));
		JsonNode data = json.readTree(subscription.toSubscribeMessage()).get("data");
		assertThat(data.get("channel").stringValue()).isEqualTo(channel);
		assertThat(this.signatures.isValidPrivateAuth(SOCKET_ID, channel, data.get("auth").stringValue())).isTrue();
	}

	@Test
	void presenceChannelSubscribesAsTheMember() {
		String channel = "presence-session-" + Classroom.MATHS_SESSION;
		PresenceChannelImpl subscription = this.factory.newPresenceChannel(new Connected(), channel,
				authorizer(TestJwts.token("t-1", "TEACHER")));
		JsonNode data = json.readTree(subscription.toSubscribeMessage()).get("data");
		String channelData = data.get("channel_data").stringValue();
		assertThat(this.signatures.isValidPresenceAuth(SOCKET_ID, channel, channelData, data.get("auth").stringValue()))
			.isTrue();
		assertThat(subscription.extractUserIdFromChannelData(channelData)).isEqualTo("t-1");
	}

	@Test
	void deniedChannelFailsTheClientsAuthorization() {
		HttpChannelAuthorizer authorizer = authorizer(TestJwts.token("s-3", "STUDENT"));
		assertThatExceptionOfType(AuthorizationFailureException.class)
			.isThrownBy(() -> authorizer.authorize("private-class-" + Classroom.MATHS, SOCKET_ID))
			.withMessageContaining("403");
		assertThatExceptionOfType(AuthorizationFailureException.class)
			.isThrownBy(() -> authorizer.authorize("private-agent-7", SOCKET_ID));
	}

	@Test
	void userAuthenticatorSignsTheUserIn() {
		HttpUserAuthenticator authenticator = new HttpUserAuthenticator(url("/pusher/user-auth"));
		authenticator.setHeaders(Map.of("Authorization", "Bearer " + TestJwts.token("s-2", "STUDENT")));
		this.signatures.verifyUserAuthentication(SOCKET_ID, authenticator.authenticate(SOCKET_ID));
	}

	@Test
	void userAuthenticatorWithoutTokenFails() {
		HttpUserAuthenticator authenticator = new HttpUserAuthenticator(url("/pusher/user-auth"));
		assertThatExceptionOfType(AuthenticationFailureException.class)
			.isThrownBy(() -> authenticator.authenticate(SOCKET_ID));
	}

	private HttpChannelAuthorizer authorizer(String token) {
		HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(url("/pusher/auth"));
		authorizer.setHeaders(Map.of("Authorization", "Bearer " + token));
		return authorizer;
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * The client's connection, connected with a socket id; the channels only ask it for
	 * the id.
	 */
	private static final class Connected implements InternalConnection {

		@Override
		public String getSocketId() {
			return SOCKET_ID;
		}

		@Override
		public ConnectionState getState() {
			return ConnectionState.CONNECTED;
		}

		@Override
		public void sendMessage(String message) {
		}

		@Override
		public void disconnect() {
		}

		@Override
		public void connect() {
		}

		@Override
		public void bind(ConnectionState state, ConnectionEventListener listener) {
		}

		@Override
		public boolean unbind(ConnectionState state, ConnectionEventListener listener) {
			return false;
		}

	}

}
