package io.pusherspring.integration.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.pusher.client.ChannelAuthorizer;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PrivateEncryptedChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import io.pusherspring.test.LocalPusherServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * pusher-java-client 2.4.4 connected to a Pusher-protocol server (a
 * {@link LocalPusherServer}, or soketi in the conformance and soketi tests), authorizing
 * channels and signing in through the application's real endpoints as one user, with
 * everything it hears kept in order.
 */
public final class JavaClient implements AutoCloseable {

	/** How long to wait for what a client should hear. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Pusher pusher;

	private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

	private final List<String> errors = new CopyOnWriteArrayList<>();

	private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

	private final Map<String, List<String>> members = new ConcurrentHashMap<>();

	private JavaClient(Pusher pusher) {
		this.pusher = pusher;
	}

	/**
	 * A client for a user of the application listening on {@code appPort}.
	 */
	static JavaClient as(String user, LocalPusherServer server, int appPort) {
		return as(user, server.getKey(), server, appPort);
	}

	static JavaClient as(String user, String key, LocalPusherServer server, int appPort) {
		return as(user, LiveClassroomApplication.PASSWORD, server.getHost(), server.getPort(), key,
				"http://127.0.0.1:" + appPort);
	}

	/**
	 * A client, not yet connected, of any Pusher-protocol server, for a user of an
	 * application whose auth endpoints take HTTP Basic credentials.
	 * @param user the user name
	 * @param password the user's password
	 * @param host the server's host
	 * @param port the server's WebSocket port (plain {@code ws})
	 * @param key the app key
	 * @param appUrl the application, such as {@code http://127.0.0.1:8080}
	 * @return the client
	 */
	public static JavaClient as(String user, String password, String host, int port, String key, String appUrl) {
		Map<String, String> basic = Map.of("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(appUrl + "/pusher/auth");
		authorizer.setHeaders(basic);
		return as(host, port, key, authorizer, appUrl, basic);
	}

	/**
	 * A client that authorizes channels its own way instead of asking the application.
	 */
	static JavaClient authorizingWith(ChannelAuthorizer authorizer, LocalPusherServer server, int appPort) {
		return authorizingWith(authorizer, server.getHost(), server.getPort(), server.getKey(),
				"http://127.0.0.1:" + appPort);
	}

	/**
	 * A client, not yet connected, that authorizes channels its own way instead of asking
	 * the application.
	 * @param authorizer the authorizer
	 * @param host the server's host
	 * @param port the server's WebSocket port
	 * @param key the app key
	 * @param appUrl the application
	 * @return the client
	 */
	public static JavaClient authorizingWith(ChannelAuthorizer authorizer, String host, int port, String key,
			String appUrl) {
		return as(host, port, key, authorizer, appUrl, Map.of());
	}

	private static JavaClient as(String host, int port, String key, ChannelAuthorizer authorizer, String appUrl,
			Map<String, String> basic) {
		HttpUserAuthenticator authenticator = new HttpUserAuthenticator(appUrl + "/pusher/user-auth");
		authenticator.setHeaders(basic);
		PusherOptions options = new PusherOptions().setHost(host)
			.setWsPort(port)
			.setUseTLS(false)
			.setChannelAuthorizer(authorizer)
			.setUserAuthenticator(authenticator)
			.setMaxReconnectionAttempts(0);
		return new JavaClient(new Pusher(key, options));
	}

	/**
	 * Connect and wait until connected.
	 */
	public JavaClient connect() {
		startConnecting();
		awaitState(ConnectionState.CONNECTED);
		return this;
	}

	public void startConnecting() {
		this.pusher.connect(new ConnectionEventListener() {

			@Override
			public void onConnectionStateChange(ConnectionStateChange change) {
				JavaClient.this.states.add(change.getCurrentState());
			}

			@Override
			public void onError(String message, String code, Exception ex) {
				JavaClient.this.errors.add(code + " " + message);
			}

		}, ConnectionState.ALL);
	}

	public void awaitState(ConnectionState state) {
		await().atMost(TIMEOUT).until(() -> this.pusher.getConnection().getState() == state);
	}

	public String socketId() {
		return this.pusher.getConnection().getSocketId();
	}

	public Pusher pusher() {
		return this.pusher;
	}

	/**
	 * The members a presence subscription listed when it succeeded.
	 */
	public List<String> members(String channel) {
		return this.members.getOrDefault(channel, List.of());
	}

	public List<String> errors() {
		return List.copyOf(this.errors);
	}

	public List<ConnectionState> states() {
		return List.copyOf(this.states);
	}

	/**
	 * Subscribe to a channel of any kind, listening to the events named and to presence
	 * changes, and wait until the subscription succeeded.
	 */
	public void subscribe(String channel, String... events) {
		startSubscribing(channel, events);
		assertThat(next()).isEqualTo("subscribed " + channel);
	}

	/**
	 * Subscribe without waiting for the outcome.
	 */
	public void startSubscribing(String channel, String... events) {
		Listener listener = new Listener();
		if (channel.startsWith("presence-")) {
			this.pusher.subscribePresence(channel, listener, events);
		}
		else if (channel.startsWith("private-encrypted-")) {
			this.pusher.subscribePrivateEncrypted(channel, listener, events);
		}
		else if (channel.startsWith("private-")) {
			this.pusher.subscribePrivate(channel, listener, events);
		}
		else {
			this.pusher.subscribe(channel, listener, events);
		}
	}

	/**
	 * Sign in and wait until the user's events can arrive.
	 */
	public void signIn(String... events) {
		this.pusher.signin();
		await().atMost(TIMEOUT).until(() -> this.pusher.user().userId() != null);
		for (String event : events) {
			this.pusher.user().bind(event, (received) -> this.heard.add(describe(received)));
		}
		// the client subscribes to its user channel after the sign-in succeeded
		await().atMost(TIMEOUT)
			.until(() -> this.pusher.getChannel("#server-to-user-" + this.pusher.user().userId()) != null
					&& this.pusher.getChannel("#server-to-user-" + this.pusher.user().userId()).isSubscribed());
	}

	/**
	 * The next thing heard, such as {@code "created on orders: {...}"},
	 * {@code "subscribed orders"} or {@code "joined presence-x: ada {...}"}.
	 */
	public String next() {
		try {
			String next = this.heard.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(next).as("something heard within " + TIMEOUT).isNotNull();
			return next;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public void expectNothing(Duration within) throws InterruptedException {
		assertThat(this.heard.poll(within.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	@Override
	public void close() {
		this.pusher.disconnect();
	}

	private static String describe(PusherEvent event) {
		return event.getEventName() + " on " + event.getChannelName() + ": " + event.getData()
				+ ((event.getUserId() != null) ? " from " + event.getUserId() : "");
	}

	private final class Listener implements PresenceChannelEventListener, PrivateEncryptedChannelEventListener {

		@Override
		public void onEvent(PusherEvent event) {
			JavaClient.this.heard.add(describe(event));
		}

		@Override
		public void onSubscriptionSucceeded(String channel) {
			JavaClient.this.heard.add("subscribed " + channel);
		}

		@Override
		public void onAuthenticationFailure(String message, Exception ex) {
			JavaClient.this.heard.add("authentication failed: " + message);
		}

		@Override
		public void onUsersInformationReceived(String channel, Set<User> users) {
			JavaClient.this.members.put(channel, users.stream().map(User::getId).sorted().toList());
		}

		@Override
		public void userSubscribed(String channel, User user) {
			JavaClient.this.heard.add("joined " + channel + ": " + user.getId() + " " + user.getInfo());
		}

		@Override
		public void onDecryptionFailure(String event, String reason) {
			JavaClient.this.heard.add("decryption failed: " + event + " " + reason);
		}

		@Override
		public void userUnsubscribed(String channel, User user) {
			JavaClient.this.heard.add("left " + channel + ": " + user.getId());
		}

	}

}
