package io.pusherspring.integration.soketi;

import java.time.Duration;
import java.util.Map;

import io.pusherspring.integration.conformance.RawClient;
import io.pusherspring.integration.conformance.SignedRequests;
import io.pusherspring.integration.conformance.SoketiDifference;
import io.pusherspring.integration.servers.SoketiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * soketi accepts {@code pusher:signin} only when the app enables user authentication, and
 * then closes every connection that neither signs in nor subscribes to a private or
 * presence channel in time ({@link SoketiDifference#SIGN_IN_NEEDS_USER_AUTHENTICATION});
 * Pusher signs in any connection, and closes unauthenticated ones only with its opt-in
 * "authorized connections".
 */
class SoketiUserAuthenticationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@RegisterExtension
	static SoketiServer withoutUserAuthentication = new SoketiServer();

	@RegisterExtension
	static SoketiServer withUserAuthentication = new SoketiServer().userAuthentication(TIMEOUT);

	@Test
	void withoutUserAuthenticationASignInIsIgnored() throws Exception {
		try (RawClient client = connect(withoutUserAuthentication)) {
			signIn(client, withoutUserAuthentication, "ada");
			client.expectNothing(TIMEOUT.multipliedBy(2));
			assertThat(client.isClosed()).isFalse();
		}
	}

	@Test
	void withUserAuthenticationASignedInConnectionStays() throws Exception {
		try (RawClient client = connect(withUserAuthentication)) {
			signIn(client, withUserAuthentication, "ada");
			assertThat(RawClient.data(client.next("pusher:signin_success")).path("user_data").asString())
				.isEqualTo("{\"id\":\"ada\"}");
			client.expectNothing(TIMEOUT.multipliedBy(2));
			assertThat(client.isClosed()).isFalse();
		}
	}

	@Test
	void withUserAuthenticationAConnectionThatDoesNotSignInIsClosedWith4009() {
		try (RawClient client = connect(withUserAuthentication)) {
			client.subscribe("news", null);
			client.next("pusher_internal:subscription_succeeded");
			assertThat(RawClient.data(client.next("pusher:error")).path("code").asInt()).isEqualTo(4009);
			assertThat(client.awaitClose()).isEqualTo(4009);
		}
	}

	private static RawClient connect(SoketiServer soketi) {
		return RawClient.connect(soketi.getHost(), soketi.getPort(), soketi.getKey());
	}

	private static void signIn(RawClient client, SoketiServer soketi, String user) {
		String userData = "{\"id\":\"" + user + "\"}";
		String auth = soketi.getKey() + ":"
				+ SignedRequests.hmac(soketi.getSecret(), client.socketId() + "::user::" + userData);
		client.send("pusher:signin", null, Map.of("auth", auth, "user_data", userData));
	}

}
