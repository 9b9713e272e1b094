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
 * pusher-java-client 2.4.4 connected to a {@link LocalPusherServer}, authorizing channels
 * and signing in through the application's real endpoints as one user, with everything it
 * hears kept in order.
 */
final class JavaClient implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(10);

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
		Map<String, String> basic = Map.of("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((user + ":" + LiveClassroomApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer("http://127.0.0.1:" + appPort + "/pusher/auth");
		authorizer.setHeaders(basic);
		return as(key, server, authorizer, appPort, basic);
	}

	/**
	 * A client that authorizes channels its own way instead of asking the application.
	 */
	static JavaClient authorizingWith(ChannelAuthorizer authorizer, LocalPusherServer server, int appPort) {
		return as(server.getKey(), server, authorizer, appPort, Map.of());
	}

	private static JavaClient as(String key, LocalPusherServer server, ChannelAuthorizer authorizer, int appPort,
			Map<String, String> basic) {
		HttpUserAuthenticator authenticator = new HttpUserAuthenticator(
				"http://127.0.0.1:" + appPort + "/pusher/user-auth");
		authenticator.setHeaders(basic);
		PusherOptions options = new PusherOptions().setHost(server.getHost())
			.setWsPort(server.getPort())
			.setUseTLS(false)
			.setChannelAuthorizer(authorizer)
			.setUserAuthenticator(authenticator)
			.setMaxReconnectionAttempts(0);
		return new JavaClient(new Pusher(key, options));
	}

	/**
	 * Connect and wait until connected.
	 */
	JavaClient connect() {
		startConnecting();
		awaitState(ConnectionState.CONNECTED);
		return this;
	}

	void startConnecting() {
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

	void awaitState(ConnectionState state) {
		await().atMost(TIMEOUT).until(() -> this.pusher.getConnection().getState() == state);
	}

	String socketId() {
		return this.pusher.getConnection().getSocketId();
	}

	Pusher pusher() {
		return this.pusher;
	}

	/**
	 * The members a presence subscription listed when it succeeded.
	 */
	List<String> members(String channel) {
		return this.members.getOrDefault(channel, List.of());
	}

	List<String> errors() {
		return List.copyOf(this.errors);
	}

	List<ConnectionState> states() {
		return List.copyOf(this.states);
	}

	/**
	 * Subscribe to a channel of any kind, listening to the events named and to presence
	 * changes, and wait until the subscription succeeded.
	 */
	void subscribe(String channel, String... events) {
		Listener listener = new Listener();
		if (channel.startsWith("presence-")) {
			this.pusher.subscribePresence(channel, listener, events);
		}
		else if (channel.startsWith("private-")) {
			this.pusher.subscribePrivate(channel, listener, events);
		}
		else {
			this.pusher.subscribe(channel, listener, events);
		}
		assertThat(next()).isEqualTo("subscribed " + channel);
	}

	/**
	 * Subscribe without waiting for the outcome.
	 */
	void startSubscribing(String channel, String... events) {
		if (channel.startsWith("private-")) {
			this.pusher.subscribePrivate(channel, new Listener(), events);
		}
		else {
			this.pusher.subscribe(channel, new Listener(), events);
		}
	}

	/**
	 * Sign in and wait until the user's events can arrive.
	 */
	void signIn(String... events) {
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
	String next() {
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

	void expectNothing(Duration within) throws InterruptedException {
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

	private final class Listener implements PresenceChannelEventListener {

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
		public void userUnsubscribed(String channel, User user) {
			JavaClient.this.heard.add("left " + channel + ": " + user.getId());
		}

	}

}
