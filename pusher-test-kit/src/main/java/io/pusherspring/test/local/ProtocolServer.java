package io.pusherspring.test.local;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.util.concurrent.Future;
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.RecordedEvent;
import io.pusherspring.test.local.ClientConnection.ConnectionSettings;
import io.pusherspring.test.simulator.AuthSignatures;
import io.pusherspring.test.simulator.PusherApiSimulator;
import io.pusherspring.test.simulator.PusherHttpApi;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The server inside {@code LocalPusherServer}: the Pusher HTTP API and the WebSocket
 * protocol on one Netty port, the live channels its connections share, and the webhooks
 * it posts. Internal to the test kit: public only so that {@code LocalPusherServer} can
 * build on it.
 */
public final class ProtocolServer {

	/**
	 * The log category of everything the server logs: the name of
	 * {@code LocalPusherServer}, whose users configure it.
	 */
	static final String LOGGER = "io.pusherspring.test.LocalPusherServer";

	/** The largest message a client may send, in bytes. */
	public static final int MAX_MESSAGE_BYTES = LocalNettyServer.MAX_WEBSOCKET_MESSAGE_BYTES;

	private static final Duration MAX_PONG_TIMEOUT = Duration.ofSeconds(30);

	// each connection closes within ClientConnection.CLOSE_TIMEOUT of its turn on its
	// event loop; this bounds the wait when the loops are starved
	private static final Duration MAX_CLOSING_WAIT = Duration.ofSeconds(10);

	private final String key;

	private final AuthSignatures signatures;

	private final LocalWebhooks webhooks;

	private final LocalChannels channels;

	private final PusherApiSimulator simulator;

	private final LocalHttpApiHandler api;

	private volatile ConnectionSettings settings;

	private @Nullable LocalNettyServer server;

	/**
	 * Create a server for one app; it does not listen until {@link #start started}.
	 * @param appId the app id HTTP API requests must address
	 * @param key the key clients connect with and requests name
	 * @param secret the secret requests, subscriptions and webhooks are signed with
	 * @param clock the time of requests, accepted events and webhooks
	 * @param recorder receives every event the HTTP API accepts
	 * @param activityTimeout the activity timeout announced to clients
	 */
	public ProtocolServer(String appId, String key, String secret, Clock clock, Consumer<RecordedEvent> recorder,
			Duration activityTimeout) {
		this.key = key;
		this.signatures = new AuthSignatures(key, secret);
		this.webhooks = new LocalWebhooks(key, secret, clock);
		this.channels = new LocalChannels(this.webhooks);
		this.simulator = new PusherApiSimulator(recorder, clock, this.channels);
		this.api = new LocalHttpApiHandler(new PusherHttpApi(appId, key, secret, clock, this.simulator));
		this.settings = settings(activityTimeout);
	}

	/**
	 * Change the activity timeout for the connections made afterwards: after this long
	 * without a message the server pings, and closes the connection with 4201 if no pong
	 * follows within the same time (at most 30 seconds).
	 * @param activityTimeout the timeout
	 */
	public void activityTimeout(Duration activityTimeout) {
		this.settings = settings(activityTimeout);
	}

	/**
	 * Switch Pusher's watchlist events on or off for the sign-ins made afterwards.
	 * @param enabled whether connections that sign in with a watchlist hear when the
	 * users on it come online and go offline
	 */
	public void watchlistEvents(boolean enabled) {
		this.channels.watchlistEvents(enabled);
	}

	/**
	 * Switch Pusher's subscription counting on or off.
	 * @param enabled whether subscribers and webhooks hear the subscription counts of
	 * channels other than presence channels, and the HTTP API reports
	 * {@code subscription_count}
	 */
	public void subscriptionCounting(boolean enabled) {
		this.channels.subscriptionCounting(enabled);
	}

	/**
	 * Post webhooks to a URL, or stop posting them.
	 * @param url the application's webhook endpoint, or {@code null}
	 */
	public void webhookUrl(@Nullable URI url) {
		this.webhooks.url(url);
	}

	/**
	 * Start listening; does nothing if the server is running.
	 * @param host the address to listen on
	 * @param port the port, or 0 for a free one
	 */
	public synchronized void start(String host, int port) {
		if (this.server == null) {
			LocalNettyServer started = LocalNettyServer.start(host, port,
					Math.max(2, Runtime.getRuntime().availableProcessors()),
					() -> new ClientConnection(this.settings, this.channels), this.api);
			this.webhooks.start(started.group().next());
			this.channels.start(started.group().next());
			this.server = started;
		}
	}

	/**
	 * Close every connection with 4200 and wait until each has closed, drop webhooks not
	 * yet sent, and wait for every thread the server started to end; does nothing if it
	 * is not running. Shutting the event loops down closes the connections they still
	 * hold at once, without a close frame: hence the wait.
	 */
	public synchronized void stop() {
		LocalNettyServer running = this.server;
		this.server = null;
		if (running != null) {
			this.webhooks.stop();
			awaitAll(this.channels.closeAll(), MAX_CLOSING_WAIT);
			running.stop();
		}
	}

	/**
	 * Whether the server is listening.
	 * @return {@code true} between {@link #start} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public synchronized int port() {
		Assert.state(this.server != null,
				"LocalPusherServer is not running: start() it or register it as an extension");
		return this.server.port();
	}

	/**
	 * The port the server listens on, if it is running.
	 * @return the port, or empty if the server is not running
	 */
	public synchronized OptionalInt runningPort() {
		return (this.server != null) ? OptionalInt.of(this.server.port()) : OptionalInt.empty();
	}

	/**
	 * How many clients are connected.
	 * @return the number of established WebSocket connections
	 */
	public int connectionCount() {
		return this.channels.connectionCount();
	}

	/**
	 * Every HTTP API request received since the last reset, oldest first.
	 * @return a snapshot of the requests
	 */
	public List<ReceivedRequest> requests() {
		return this.api.requests();
	}

	/**
	 * The users whose connections the application terminated through the HTTP API.
	 * @return the user ids, in order
	 */
	public List<String> terminatedUsers() {
		return this.simulator.terminatedUsers();
	}

	/**
	 * Forget received requests, terminated users and the last events of cache channels.
	 * Connections and their subscriptions stay.
	 */
	public void reset() {
		this.simulator.reset();
		this.api.reset();
	}

	private static void awaitAll(List<Future<?>> futures, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		for (Future<?> future : futures) {
			future.awaitUninterruptibly(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
		}
	}

	private ConnectionSettings settings(Duration activityTimeout) {
		Duration pongTimeout = (activityTimeout.compareTo(MAX_PONG_TIMEOUT) < 0) ? activityTimeout : MAX_PONG_TIMEOUT;
		return new ConnectionSettings(this.key, this.signatures, activityTimeout, pongTimeout);
	}

}
