package io.pusherspring.test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.test.junit.ServerExtensionSupport;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * What {@link FakePusherServer} and {@link LocalPusherServer} share: an app's
 * credentials, the recorder of the events the server's HTTP API accepts, and the ways to
 * point a Spring Boot application at the server. Each is a JUnit 5 extension whose life
 * cycle, with its parameter resolution, is a {@link ServerExtensionSupport}.
 */
abstract class TestPusherServer
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final String appId;

	private final String key;

	private final String secret;

	private final PusherRecorder recorder = new PusherRecorder();

	private final ServerExtensionSupport extension;

	TestPusherServer(Class<? extends TestPusherServer> serverType, String appId, String key, String secret) {
		Assert.isTrue(StringUtils.hasText(appId) && StringUtils.hasText(key) && StringUtils.hasText(secret),
				"App id, key and secret must not be empty");
		Assert.isTrue(appId.indexOf('/') == -1, "App id must not contain '/'");
		this.appId = appId;
		this.key = key;
		this.secret = secret;
		this.extension = new ServerExtensionSupport(this::isRunning, this::start, this::stop, this::reset,
				Map.of(serverType, this, PusherRecorder.class, this.recorder));
	}

	/**
	 * Start the server; does nothing if it is running.
	 * @return this server
	 */
	public abstract TestPusherServer start();

	/**
	 * Stop the server; does nothing if it is not running. What it recorded stays
	 * readable.
	 */
	public abstract void stop();

	/**
	 * Whether the server is running.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public abstract boolean isRunning();

	/**
	 * The port the server listens on.
	 * @return the port
	 * @throws IllegalStateException if the server is not running
	 */
	public abstract int getPort();

	/**
	 * The host name clients use to reach the server.
	 */
	abstract String host();

	/**
	 * Forget what the server itself recorded and what tests set up on it.
	 */
	abstract void resetServer();

	/**
	 * The address of the HTTP API.
	 * @return {@code http://{host}:{port}}
	 * @throws IllegalStateException if the server is not running
	 */
	public URI getEndpoint() {
		return URI.create("http://" + host() + ":" + getPort());
	}

	/**
	 * The app id HTTP API requests must address.
	 * @return the app id
	 */
	public String getAppId() {
		return this.appId;
	}

	/**
	 * The key requests must name (and clients connect with).
	 * @return the key
	 */
	public String getKey() {
		return this.key;
	}

	/**
	 * The secret requests must be signed with.
	 * @return the secret
	 */
	public String getSecret() {
		return this.secret;
	}

	/**
	 * The events the server accepted through its HTTP API, as a trigger or a batch entry
	 * each.
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
	public abstract List<ReceivedRequest> requests();

	/**
	 * The users whose connections the application terminated through the HTTP API, in
	 * order.
	 * @return the user ids
	 */
	public abstract List<String> terminatedUsers();

	/**
	 * Forget what the server recorded and what tests set up on it: recorded events,
	 * received requests and terminated users; on a {@link FakePusherServer} also stubbed
	 * channels, planned and random faults, the delay and a raised payload limit; on a
	 * {@link LocalPusherServer} the last events of cache channels, while its connections
	 * and their subscriptions stay.
	 */
	public void reset() {
		this.recorder.clear();
		resetServer();
	}

	/**
	 * Connection details that point a Spring Boot application at this server, for example
	 * as a {@code @Bean} in a test configuration.
	 * @return the server's endpoint and credentials, read when used
	 */
	public PusherConnectionDetails connectionDetails() {
		return new ServerConnectionDetails(this);
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
		registry.add("pusher.host", this::host);
		registry.add("pusher.port", this::getPort);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.extension.beforeAll();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.extension.afterAll();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.extension.beforeEach();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.extension.afterEach();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return this.extension.supportsParameter(parameterContext.getParameter().getType());
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return this.extension.resolveParameter(parameterContext.getParameter().getType());
	}

	String describe(@Nullable String address) {
		return getClass().getSimpleName() + "[" + ((address != null) ? address : "stopped") + ", appId=" + this.appId
				+ ", key=" + this.key + ", secret=******]";
	}

}
