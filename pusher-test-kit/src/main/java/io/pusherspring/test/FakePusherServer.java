package io.pusherspring.test;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.pusherspring.test.simulator.PusherApiSimulator;
import io.pusherspring.test.simulator.PusherHttpApi;
import io.pusherspring.test.wiremock.InjectedFault;
import io.pusherspring.test.wiremock.WireMockPusherApi;

import org.jspecify.annotations.Nullable;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * A real HTTP server that speaks the Pusher HTTP API as Pusher does: it checks every
 * request's signature (401 otherwise), enforces Pusher's limits, records the events it
 * accepts in a {@link PusherRecorder}, and can inject faults: error statuses (with
 * {@code Retry-After}), dropped connections, connections closed after accepting, slow
 * answers, planned for the next requests or drawn at random from a seeded sequence
 * ({@link RandomFaults}). It is a WireMock server: the API is a stub answered by a
 * WireMock extension, planned faults are stubs, delays are WireMock's, and
 * {@link #requests()} reads its request journal. Also a JUnit 5 extension:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static FakePusherServer pusher = new FakePusherServer();
 * </pre>
 *
 * Registered on a static field it starts before all tests, stops after them, and is
 * {@linkplain #reset() reset} before each test; on an instance field it starts and stops
 * around each test. It resolves {@code FakePusherServer} and {@code PusherRecorder} test
 * method parameters. Safe to use from several threads; a server registered on a static
 * field is shared by the tests of its class, which therefore should not run concurrently.
 * <p>
 * Point a Spring Boot application at it with {@link #connectionDetails()} as a bean, or
 * with {@link #registerProperties(DynamicPropertyRegistry)} in a
 * {@code @DynamicPropertySource} method.
 */
public class FakePusherServer extends TestPusherServer {

	/** The app id of a server created without credentials. */
	public static final String DEFAULT_APP_ID = "1000";

	/** The key of a server created without credentials. */
	public static final String DEFAULT_KEY = "fake-key";

	/** The secret of a server created without credentials. */
	public static final String DEFAULT_SECRET = "fake-secret";

	private final PusherApiSimulator simulator;

	private final WireMockPusherApi server;

	private volatile @Nullable RandomFaults randomFaults;

	private boolean running;

	/**
	 * Create a server for the default test credentials: app id {@value #DEFAULT_APP_ID},
	 * key {@value #DEFAULT_KEY}, secret {@value #DEFAULT_SECRET}.
	 */
	public FakePusherServer() {
		this(DEFAULT_APP_ID, DEFAULT_KEY, DEFAULT_SECRET);
	}

	/**
	 * Create a server for the given credentials.
	 * @param appId the app id requests must address
	 * @param key the key requests must name
	 * @param secret the secret requests must be signed with
	 */
	public FakePusherServer(String appId, String key, String secret) {
		this(appId, key, secret, Clock.systemUTC());
	}

	FakePusherServer(String appId, String key, String secret, Clock clock) {
		super(FakePusherServer.class, appId, key, secret);
		this.simulator = new PusherApiSimulator(recorder()::record, clock);
		this.server = new WireMockPusherApi(new PusherHttpApi(appId, key, secret, clock, this.simulator));
		this.server.injectRandomFaults(() -> {
			RandomFaults faults = this.randomFaults;
			return (faults != null) ? faults.next() : null;
		});
	}

	/**
	 * Start the server on a free port; does nothing if it is running.
	 * @return this server
	 */
	@Override
	public synchronized FakePusherServer start() {
		if (!this.running) {
			this.server.start();
			this.running = true;
		}
		return this;
	}

	@Override
	public synchronized void stop() {
		if (this.running) {
			this.running = false;
			this.server.stop();
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public synchronized int getPort() {
		Assert.state(this.running, "FakePusherServer is not running: start() it or register it as an extension");
		return this.server.port();
	}

	/**
	 * Make a channel occupied for channel queries and trigger {@code info}.
	 * @param channel the channel name
	 * @param subscriptionCount the connections subscribed
	 * @param userIds the users on a presence channel
	 * @return this server
	 */
	public FakePusherServer stubChannel(String channel, int subscriptionCount, String... userIds) {
		Assert.hasText(channel, "'channel' must not be empty");
		Assert.isTrue(subscriptionCount >= 0, "'subscriptionCount' must not be negative");
		this.simulator.stubChannel(channel, subscriptionCount, Arrays.asList(userIds));
		return this;
	}

	/**
	 * Accept event data up to this size instead of Pusher's default 10KB; larger data is
	 * answered with 413.
	 * @param maxPayloadSize the limit
	 * @return this server
	 */
	public FakePusherServer maxPayloadSize(DataSize maxPayloadSize) {
		Assert.isTrue(maxPayloadSize != null && !maxPayloadSize.isNegative(), "'maxPayloadSize' must not be negative");
		this.simulator.maxPayloadBytes(maxPayloadSize.toBytes());
		return this;
	}

	/**
	 * Answer the next requests with an error status, before any other check; nothing they
	 * carry is recorded.
	 * @param times how many requests to fail
	 * @param status the status to answer, such as 503 or 429
	 * @return this server
	 */
	public FakePusherServer failNext(int times, int status) {
		return failNext(times, status, null);
	}

	/**
	 * Answer the next requests with an error status and a {@code Retry-After} header,
	 * before any other check; nothing they carry is recorded.
	 * @param times how many requests to fail
	 * @param status the status to answer, such as 429 or 503
	 * @param retryAfter the header's value, a number of seconds or an HTTP date, or
	 * {@code null} for no header
	 * @return this server
	 */
	public FakePusherServer failNext(int times, int status, @Nullable String retryAfter) {
		Assert.isTrue(times >= 0, "'times' must not be negative");
		Assert.isTrue(status >= 100 && status <= 599, "'status' must be an HTTP status code");
		for (int i = 0; i < times; i++) {
			this.server.plan(InjectedFault.errorStatus(status, retryAfter));
		}
		return this;
	}

	/**
	 * Delay every answer.
	 * @param delay how long to wait before answering; {@link Duration#ZERO} to answer at
	 * once
	 * @return this server
	 */
	public FakePusherServer delay(Duration delay) {
		Assert.isTrue(delay != null && !delay.isNegative(), "'delay' must not be negative");
		this.server.delay(delay);
		return this;
	}

	/**
	 * Reset the connection of the next request without answering it; nothing it carries
	 * is recorded.
	 * @return this server
	 */
	public FakePusherServer dropNextConnection() {
		this.server.plan(InjectedFault.droppedConnection());
		return this;
	}

	/**
	 * Handle the next request as Pusher would, recording the events it accepts, then
	 * close its connection without answering: Pusher delivered the event, but the client
	 * cannot know.
	 * @return this server
	 */
	public FakePusherServer closeNextConnectionAfterAccepting() {
		this.server.plan(InjectedFault.closedAfterAccepting());
		return this;
	}

	/**
	 * Handle the next request as Pusher would, recording the events it accepts, and
	 * answer it late, for example after the client's read timeout.
	 * @param delay how late to answer
	 * @return this server
	 */
	public FakePusherServer answerNextLate(Duration delay) {
		Assert.isTrue(delay != null && !delay.isNegative(), "'delay' must not be negative");
		this.server.plan(InjectedFault.slowAnswer(delay));
		return this;
	}

	/**
	 * Inject faults at random into the requests that no planned fault applies to, until
	 * the next {@link #reset()}.
	 * @param faults the faults and their probabilities, drawn from a seeded sequence
	 * @return this server
	 */
	public FakePusherServer injectRandomFaults(RandomFaults faults) {
		Assert.notNull(faults, "'faults' must not be null");
		this.randomFaults = faults;
		return this;
	}

	@Override
	public List<ReceivedRequest> requests() {
		return this.server.requests();
	}

	@Override
	public List<String> terminatedUsers() {
		return this.simulator.terminatedUsers();
	}

	@Override
	String host() {
		return "localhost";
	}

	@Override
	void resetServer() {
		this.randomFaults = null;
		this.server.reset();
		this.simulator.reset();
		this.simulator.maxPayloadBytes(PusherApiSimulator.DEFAULT_MAX_PAYLOAD_BYTES);
	}

	@Override
	public synchronized String toString() {
		return describe(this.running ? "http://localhost:" + this.server.port() : null);
	}

}
