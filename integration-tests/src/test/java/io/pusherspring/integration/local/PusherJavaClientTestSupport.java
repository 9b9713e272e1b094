package io.pusherspring.integration.local;

import java.time.Duration;
import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the pusher-java-client tests share, whichever web stack the application runs on:
 * the application's port and {@link PusherOperations}, clients that sign in as a user,
 * and the tests both stacks must pass alike. Each test class keeps its own
 * {@link LocalPusherServer} (an extension in a static field, and the properties that
 * point its application at it), so that each application context talks to its own server.
 */
abstract class PusherJavaClientTestSupport {

	/**
	 * How long a client listens to make sure that nothing arrives.
	 */
	static final Duration QUIET = Duration.ofMillis(500);

	private final LocalPusherServer pusher;

	@LocalServerPort
	int port;

	@Autowired
	PusherOperations operations;

	PusherJavaClientTestSupport(LocalPusherServer pusher) {
		this.pusher = pusher;
	}

	@Test
	void signsInAndReceivesWhatIsSentToTheUser() throws Exception {
		try (JavaClient ada = client("ada"); JavaClient alan = client("alan")) {
			ada.signIn("graded");
			alan.signIn("graded");
			this.operations.sendToUser("ada", "graded", Map.of("score", 9));
			assertThat(ada.next()).isEqualTo("graded on #server-to-user-ada: {\"score\":9}");
			alan.expectNothing(QUIET);
		}
	}

	/**
	 * A client connected to the server as the given user, authorized by the application's
	 * endpoints.
	 */
	JavaClient client(String user) {
		return JavaClient.as(user, this.pusher, this.port).connect();
	}

}
