package io.pusherspring.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

import io.pusherspring.test.local.ProtocolServer;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.Assert;

/**
 * An in-process Pusher-protocol server for tests and local development: the Pusher HTTP
 * API that {@link FakePusherServer} speaks (the same signature checks, limits and
 * recording) and, on the same port, the Pusher WebSocket protocol 7, so that real clients
 * (pusher-js in a browser or in Node, pusher-java-client, mobile clients) connect to
 * {@code ws://127.0.0.1:{port}/app/{key}}, subscribe to public, private, presence,
 * encrypted and cache channels with their authorization verified against the app secret,
 * sign in, send client events and receive what the application triggers. Channel queries
 * answer from the live connections, and given a {@linkplain #webhookUrl(URI) webhook URL}
 * it posts signed webhooks as Pusher does. Two features that a Pusher app switches on in
 * Pusher's dashboard are off here too until switched on:
 * {@linkplain #watchlistEvents(boolean) watchlist events} and
 * {@linkplain #subscriptionCounting(boolean) subscription counting}.
 * <p>
 * <strong>It is not a production server.</strong> It listens on loopback only, keeps
 * everything in memory, runs one app, and has none of Pusher's quotas, TLS, scaling or
 * durability. Production uses Pusher Channels, or a self-hosted soketi or Laravel Reverb
 * cluster through {@code pusher.host}, {@code pusher.port} and {@code pusher.scheme}.
 * <p>
 * A JUnit 5 extension, like {@link FakePusherServer}:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static LocalPusherServer pusher = new LocalPusherServer();
 * </pre>
 *
 * Registered on a static field it starts before all tests and stops after them, and is
 * {@linkplain #reset() reset} before each test; on an instance field it starts and stops
 * around each test. It resolves {@code LocalPusherServer} and {@code PusherRecorder} test
 * method parameters. As a Spring bean it starts when the bean is initialized and stops
 * when the context closes, and the test kit's auto-configuration points the starter at it
 * through its {@link #connectionDetails()} (unless the application declares its own
 * {@code PusherConnectionDetails}); outside Spring, use
 * {@link #registerProperties(DynamicPropertyRegistry)}.
 * <p>
 * Each connection, subscription and delivered event is logged at debug level under this
 * class's name. Stopping the server closes every connection and waits until every thread
 * it started has ended.
 */
public class LocalPusherServer extends TestPusherServer implements InitializingBean, DisposableBean {

	/** The app id of a server created without credentials. */
	public static final String DEFAULT_APP_ID = "local-app";

	/** The key of a server created without credentials. */
	public static final String DEFAULT_KEY = "local-key";

	/** The secret of a server created without credentials. */
	public static final String DEFAULT_SECRET = "local-secret";

	/**
	 * The activity timeout announced to clients unless {@link #activityTimeout} changes
	 * it.
	 */
	public static final Duration DEFAULT_ACTIVITY_TIMEOUT = Duration.ofSeconds(120);

	private static final String HOST = "127.0.0.1";

	private final ProtocolServer server;

	private int requestedPort;

	/**
	 * Create a server for the default credentials: app id {@value #DEFAULT_APP_ID}, key
	 * {@value #DEFAULT_KEY}, secret {@value #DEFAULT_SECRET}.
	 */
	public LocalPusherServer() {
		this(DEFAULT_APP_ID, DEFAULT_KEY, DEFAULT_SECRET);
	}

	/**
	 * Create a server for the given credentials.
	 * @param appId the app id HTTP API requests must address
	 * @param key the key clients connect with and requests name
	 * @param secret the secret requests, subscriptions and webhooks are signed with
	 */
	public LocalPusherServer(String appId, String key, String secret) {
		super(LocalPusherServer.class, appId, key, secret);
		Assert.isTrue(key.indexOf('/') == -1 && key.indexOf('?') == -1, "Key must not contain '/' or '?'");
		this.server = new ProtocolServer(appId, key, secret, Clock.systemUTC(), recorder()::record,
				DEFAULT_ACTIVITY_TIMEOUT);
	}

	/**
	 * Listen on a fixed port instead of a free one, for example so that a browser page
	 * can be configured once; takes effect at the next {@link #start()}.
	 * @param port the port, or 0 for a free one
	 * @return this server
	 */
	public synchronized LocalPusherServer port(int port) {
		Assert.isTrue(port >= 0 && port <= 65535, "'port' must be between 0 and 65535");
		this.requestedPort = port;
		return this;
	}

	/**
	 * Change the activity timeout: after this long without a message from a client the
	 * server sends {@code pusher:ping}, and closes the connection with 4201 if no
	 * {@code pusher:pong} follows within the same time (at most 30 seconds). Clients are
	 * told the timeout when they connect. Applies to connections made afterwards.
	 * @param activityTimeout the timeout, at least one second
	 * @return this server
	 */
	public synchronized LocalPusherServer activityTimeout(Duration activityTimeout) {
		Assert.isTrue(activityTimeout != null && activityTimeout.compareTo(Duration.ofSeconds(1)) >= 0,
				"'activityTimeout' must be at least one second");
		this.server.activityTimeout(activityTimeout);
		return this;
	}

	/**
	 * Switch Pusher's watchlist events on or off, as the "Watchlist events" setting of an
	 * app in Pusher's dashboard does; off unless this is called, as in Pusher. While they
	 * are on, a connection that signs in with a {@code watchlist} in its
	 * {@code user_data} (the user ids of a {@code PusherUser}'s watchlist) receives
	 * {@code pusher_internal:watchlist_events}: at once, which of those users are offline
	 * and which are online, then each time one of them comes online or goes offline, so
	 * that pusher-js's {@code pusher.user.watchlist.bind('online' | 'offline', ...)}
	 * works. A user is online while at least one of their connections is signed in. Of a
	 * longer watchlist the first 100 distinct user ids are kept and the connection is
	 * told with {@code pusher:error} 4302, as Pusher does. Applies to sign-ins made
	 * afterwards.
	 * @param enabled whether to send watchlist events
	 * @return this server
	 */
	public LocalPusherServer watchlistEvents(boolean enabled) {
		this.server.watchlistEvents(enabled);
		return this;
	}

	/**
	 * Switch Pusher's subscription counting on or off, as the "Subscription count"
	 * setting of an app in Pusher's dashboard does; off unless this is called, as in
	 * Pusher. While it is on, each time a connection subscribes to or unsubscribes from a
	 * channel that is not a presence channel, the channel's subscribers receive
	 * {@code pusher_internal:subscription_count} (pusher-js's
	 * {@code pusher:subscription_count}) and, given a {@linkplain #webhookUrl(URI)
	 * webhook URL}, the application a {@code subscription_count} webhook; on a channel
	 * with more than 100 subscribers, at most once every five seconds. The HTTP API
	 * reports {@code subscription_count} (channel queries and trigger {@code info}) only
	 * while it is on, and answers 400 otherwise, as Pusher does.
	 * @param enabled whether to count subscriptions
	 * @return this server
	 */
	public LocalPusherServer subscriptionCounting(boolean enabled) {
		this.server.subscriptionCounting(enabled);
		return this;
	}

	/**
	 * Post webhooks for channel and presence changes and client events to a URL, signed
	 * with this server's key and secret; {@code null} to stop. Only {@code http} URLs are
	 * supported.
	 * @param url the application's webhook endpoint, such as
	 * {@code http://localhost:8080/pusher/webhooks}
	 * @return this server
	 */
	public LocalPusherServer webhookUrl(@Nullable URI url) {
		Assert.isTrue(url == null || ("http".equalsIgnoreCase(url.getScheme()) && url.getHost() != null),
				() -> "Webhook URL must be an absolute http URL, but was " + url);
		this.server.webhookUrl(url);
		return this;
	}

	/**
	 * Start the server; does nothing if it is running.
	 * @return this server
	 */
	@Override
	public synchronized LocalPusherServer start() {
		if (!this.server.isRunning()) {
			this.server.start(HOST, this.requestedPort);
			LogFactory.getLog(LocalPusherServer.class).debug("Listening on " + getWebSocketUrl());
		}
		return this;
	}

	/**
	 * Stop the server: close every connection, drop webhooks not yet sent, and wait for
	 * every thread the server started to end; does nothing if it is not running. What it
	 * recorded stays readable.
	 */
	@Override
	public synchronized void stop() {
		this.server.stop();
	}

	@Override
	public boolean isRunning() {
		return this.server.isRunning();
	}

	/**
	 * The port the HTTP API and the WebSocket endpoint share.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	@Override
	public int getPort() {
		return this.server.port();
	}

	/**
	 * The address clients connect to.
	 * @return {@code ws://127.0.0.1:{port}/app/{key}}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI getWebSocketUrl() {
		return URI.create("ws://" + HOST + ":" + getPort() + "/app/" + getKey());
	}

	/**
	 * The host clients connect to ({@code wsHost} in pusher-js).
	 * @return {@code 127.0.0.1}
	 */
	public String getHost() {
		return HOST;
	}

	/**
	 * How many clients are connected.
	 * @return the number of established WebSocket connections
	 */
	public int connectionCount() {
		return this.server.connectionCount();
	}

	@Override
	public List<ReceivedRequest> requests() {
		return this.server.requests();
	}

	@Override
	public List<String> terminatedUsers() {
		return this.server.terminatedUsers();
	}

	@Override
	public void afterPropertiesSet() {
		start();
	}

	@Override
	public void destroy() {
		stop();
	}

	@Override
	String host() {
		return HOST;
	}

	@Override
	void resetServer() {
		this.server.reset();
	}

	@Override
	public String toString() {
		OptionalInt port = this.server.runningPort();
		return describe(port.isPresent() ? "http://" + HOST + ":" + port.getAsInt() : null);
	}

}
