package io.pusherspring.integration.signout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpUserAuthenticator;
import io.pusherspring.test.LocalPusherServer;

import static org.awaitility.Awaitility.await;

/**
 * pusher-java-client 2.4.4 connected to a {@link LocalPusherServer} and signed in through
 * the application's user authentication endpoint with a browser's session.
 */
final class SignedInClient implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Pusher pusher;

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private SignedInClient(Pusher pusher) {
		this.pusher = pusher;
	}

	/**
	 * Connect, sign in with the browser's session, and wait until signed in.
	 */
	static SignedInClient signIn(Browser browser, LocalPusherServer server, int appPort) throws Exception {
		HttpUserAuthenticator authenticator = new HttpUserAuthenticator(
				"http://127.0.0.1:" + appPort + "/pusher/user-auth");
		authenticator.setHeaders(browser.authHeaders());
		PusherOptions options = new PusherOptions().setHost(server.getHost())
			.setWsPort(server.getPort())
			.setUseTLS(false)
			.setUserAuthenticator(authenticator)
			.setMaxReconnectionAttempts(0);
		SignedInClient client = new SignedInClient(new Pusher(server.getKey(), options));
		client.pusher.connect(new ConnectionEventListener() {

			@Override
			public void onConnectionStateChange(ConnectionStateChange change) {
			}

			@Override
			public void onError(String message, String code, Exception ex) {
				client.errors.add(code + " " + message);
			}

		}, ConnectionState.ALL);
		client.awaitState(ConnectionState.CONNECTED);
		client.pusher.signin();
		await().atMost(TIMEOUT).until(() -> client.pusher.user().userId() != null);
		return client;
	}

	String userId() {
		return this.pusher.user().userId();
	}

	ConnectionState state() {
		return this.pusher.getConnection().getState();
	}

	void awaitState(ConnectionState state) {
		await().atMost(TIMEOUT).until(() -> state() == state);
	}

	List<String> errors() {
		return List.copyOf(this.errors);
	}

	@Override
	public void close() {
		this.pusher.disconnect();
	}

}
