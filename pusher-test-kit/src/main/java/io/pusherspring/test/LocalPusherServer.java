package io.pusherspring.test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.test.PusherConnection.LocalPusherSettings;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * An in-process Pusher-protocol server for tests and local development: the Pusher HTTP
 * API that {@link FakePusherServer} speaks (the same signature checks, limits and
 * recording) and, on the same port, the Pusher WebSocket protocol 7, so that real clients
 * (pusher-js in a browser or in Node, pusher-java-client, mobile clients) connect to
 * {@code ws://127.0.0.1:{port}/app/{key}}, subscribe to public, private, presence,
 * encrypted and cache channels with their authorization verified against the app secret,
 * sign in, send client events and receive what the application triggers. Channel queries
 * answer from the live connections, and given a {@linkplain #webhookUrl(URI) webhook URL}
 * it posts signed webhooks as Pusher does.
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
 * when the context closes; expose its {@link #connectionDetails()} as a bean, or use
 * {@link #registerProperties(DynamicPropertyRegistry)}, to point the starter at it.
 * <p>
 * Each connection, subscription and delivered event is logged at debug level under this
 * class's name. Stopping the server closes every connection and waits until every thread
 * it started has ended.
 *
 * @author pusher-spring-boot
 */
public class LocalPusherServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
		ParameterResolver, InitializingBean, DisposableBean {

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

	private static final Duration MAX_PONG_TIMEOUT = Duration.ofSeconds(30);

	private final String appId;

	private final String key;

	private final String secret;

	private final PusherRecorder recorder = new PusherRecorder();

	private final LocalWebhooks webhooks;

	private final LocalChannels channels;

	private final FakePusherHandler handler;

	private final ExtensionScopes scopes;

	private int requestedPort;

	private volatile LocalPusherSettings settings;

	private @Nullable LocalNettyServer server;

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
		Assert.isTrue(StringUtils.hasText(appId) && StringUtils.hasText(key) && StringUtils.hasText(secret),
				"App id, key and secret must not be empty");
		Assert.isTrue(appId.indexOf('/') == -1, "App id must not contain '/'");
		Assert.isTrue(key.indexOf('/') == -1 && key.indexOf('?') == -1, "Key must not contain '/' or '?'");
		this.appId = appId;
		this.key = key;
		this.secret = secret;
		Clock clock = Clock.systemUTC();
		this.webhooks = new LocalWebhooks(key, secret, clock);
		this.channels = new LocalChannels(this.webhooks);
		this.handler = new FakePusherHandler(appId, key, secret,
				new PusherApiSimulator(this.recorder, clock, this.channels), clock,
				LogFactory.getLog(LocalPusherServer.class));
		this.scopes = new ExtensionScopes(this::isRunning, this::start, this::stop, this::reset);
		this.settings = settings(DEFAULT_ACTIVITY_TIMEOUT);
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
		this.settings = settings(activityTimeout);
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
		this.webhooks.url(url);
		return this;
	}

	/**
	 * Start the server; does nothing if it is running.
	 * @return this server
	 */
	public synchronized LocalPusherServer start() {
		if (this.server == null) {
			LocalNettyServer started = LocalNettyServer.start(HOST, this.requestedPort,
					Math.max(2, Runtime.getRuntime().availableProcessors()),
					() -> new PusherConnection(this.settings, this.channels), new LocalHttpApiHandler(this.handler));
			this.webhooks.start(started.group());
			this.server = started;
			LogFactory.getLog(LocalPusherServer.class).debug("Listening on " + getWebSocketUrl());
		}
		return this;
	}

	/**
	 * Stop the server: close every connection, drop webhooks not yet sent, and wait for
	 * every thread the server started to end; does nothing if it is not running. What it
	 * recorded stays readable.
	 */
	public synchronized void stop() {
		LocalNettyServer running = this.server;
		this.server = null;
		if (running != null) {
			this.webhooks.stop();
			this.channels.closeAll();
			running.stop();
		}
	}

	/**
	 * Whether the server is running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.server != null;
	}

	/**
	 * The port the HTTP API and the WebSocket endpoint share.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public synchronized int getPort() {
		Assert.state(this.server != null,
				"LocalPusherServer is not running: start() it or register it as an extension");
		return this.server.port();
	}

	/**
	 * The address of the HTTP API.
	 * @return {@code http://127.0.0.1:{port}}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI getEndpoint() {
		return URI.create("http://" + HOST + ":" + getPort());
	}

	/**
	 * The address clients connect to.
	 * @return {@code ws://127.0.0.1:{port}/app/{key}}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI getWebSocketUrl() {
		return URI.create("ws://" + HOST + ":" + getPort() + "/app/" + this.key);
	}

	/**
	 * The host clients connect to ({@code wsHost} in pusher-js).
	 * @return {@code 127.0.0.1}
	 */
	public String getHost() {
		return HOST;
	}

	/**
	 * The app id HTTP API requests must address.
	 * @return the app id
	 */
	public String getAppId() {
		return this.appId;
	}

	/**
	 * The key clients connect with and requests name.
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * The secret requests, subscriptions and webhooks are signed with.
	 * @return the secret
	 */
	public String getSecret() {
		return this.secret;
	}

	/**
	 * The events accepted through the HTTP API, as a trigger or a batch entry each;
	 * client events are not recorded.
	 * @return the recorder
	 */
	public PusherRecorder recorder() {
		return this.recorder;
	}

	/**
	 * Every HTTP API request received since the last reset, whatever it was answered,
	 * oldest first.
	 * @return a snapshot of the requests
	 */
	public List<ReceivedRequest> requests() {
		return this.handler.requests();
	}

	/**
	 * How many clients are connected.
	 * @return the number of established WebSocket connections
	 */
	public int connectionCount() {
		return this.channels.connectionCount();
	}

	/**
	 * The users whose connections the application terminated through the HTTP API, in
	 * order.
	 * @return the user ids
	 */
	public List<String> terminatedUsers() {
		return this.handler.simulator().terminatedUsers();
	}

	/**
	 * Forget recorded events, received requests, terminated users and the last events of
	 * cache channels. Connections and their subscriptions stay.
	 */
	public void reset() {
		this.handler.reset();
	}

	/**
	 * Connection details that point a Spring Boot application at this server, for example
	 * as a {@code @Bean} in a test configuration.
	 * @return the server's endpoint and credentials, read when used
	 */
	public PusherConnectionDetails connectionDetails() {
		return new ServerConnectionDetails(this, this.appId, this.key, this.secret, this::getEndpoint);
	}

	/**
	 * Point a Spring Boot application at this server from a
	 * {@code @DynamicPropertySource} method: sets {@code pusher.app-id},
	 * {@code pusher.key}, {@code pusher.secret}, {@code pusher.scheme},
	 * {@code pusher.host} and {@code pusher.port}.
	 * @param registry the registry passed to the method
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		registry.add("pusher.app-id", this::getAppId);
		registry.add("pusher.key", this::getKey);
		registry.add("pusher.secret", this::getSecret);
		registry.add("pusher.scheme", () -> "http");
		registry.add("pusher.host", this::getHost);
		registry.add("pusher.port", this::getPort);
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
	public void beforeAll(ExtensionContext context) {
		this.scopes.beforeAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.scopes.afterAll();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.scopes.beforeEach();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.scopes.afterEach();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == LocalPusherServer.class || type == PusherRecorder.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return (parameterContext.getParameter().getType() == PusherRecorder.class) ? this.recorder : this;
	}

	private LocalPusherSettings settings(Duration activityTimeout) {
		Duration pongTimeout = (activityTimeout.compareTo(MAX_PONG_TIMEOUT) < 0) ? activityTimeout : MAX_PONG_TIMEOUT;
		return new LocalPusherSettings(this.key, PusherSignatures.of(this.key, this.secret), activityTimeout,
				pongTimeout);
	}

	@Override
	public String toString() {
		LocalNettyServer running;
		synchronized (this) {
			running = this.server;
		}
		return "LocalPusherServer[" + ((running != null) ? "http://" + HOST + ":" + running.port() : "stopped")
				+ ", appId=" + this.appId + ", key=" + this.key + ", secret=******]";
	}

}
