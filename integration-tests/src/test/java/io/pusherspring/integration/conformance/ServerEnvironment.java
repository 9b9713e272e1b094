package io.pusherspring.integration.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.integration.conformance.ConformanceApplication.HeardWebhooks;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.local.NodeClient;
import io.pusherspring.integration.servers.SoketiServer;
import io.pusherspring.test.LocalPusherServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One {@link Server} and the {@link ConformanceApplication} pointed at it through
 * {@code pusher.host}, {@code pusher.port} and {@code pusher.scheme}, with its webhooks
 * sent to the application; started once for every conformance class, and closed when the
 * test run ends. Scenarios keep apart by naming their own channels ({@link #channel}).
 */
public final class ServerEnvironment implements AutoCloseable {

	/** The app's credentials, on both servers. */
	public static final String APP_ID = "conformance-app";

	/** The app key. */
	public static final String KEY = "conformance-key";

	/** The app secret. */
	public static final String SECRET = "conformance-secret";

	/** The encryption master key of the application (base64 of 32 bytes). */
	public static final String MASTER_KEY = Base64.getEncoder()
		.encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

	private static final AtomicInteger channels = new AtomicInteger();

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final Server server;

	private final int port;

	private final Runnable stopServer;

	private final int appPort;

	private final ConfigurableApplicationContext app;

	private ServerEnvironment(Server server, int port, Runnable stopServer, int appPort,
			ConfigurableApplicationContext app) {
		this.server = server;
		this.port = port;
		this.stopServer = stopServer;
		this.appPort = appPort;
		this.app = app;
	}

	/**
	 * Start a server and the application.
	 * @param server the server
	 * @return the running environment
	 */
	static ServerEnvironment start(Server server) {
		int appPort = TestSocketUtils.findAvailableTcpPort();
		URI webhooks = URI.create("http://127.0.0.1:" + appPort + "/pusher/webhooks");
		int port;
		Runnable stop;
		if (server == Server.SOKETI) {
			SoketiServer soketi = new SoketiServer(APP_ID, KEY, SECRET).webhook(webhooks)
				.clientEvents()
				// sign-in needs it (a difference); no connection here lives for 10
				// minutes
				.userAuthentication(Duration.ofMinutes(10))
				.start();
			port = soketi.getPort();
			stop = soketi::stop;
		}
		else {
			LocalPusherServer local = new LocalPusherServer(APP_ID, KEY, SECRET).start();
			local.webhookUrl(webhooks);
			port = local.getPort();
			stop = local::stop;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", appPort);
		properties.put("pusher.app-id", APP_ID);
		properties.put("pusher.key", KEY);
		properties.put("pusher.secret", SECRET);
		properties.put("pusher.host", "127.0.0.1");
		properties.put("pusher.port", port);
		properties.put("pusher.scheme", "http");
		properties.put("pusher.encryption-master-key", MASTER_KEY);
		properties.put("spring.main.banner-mode", "off");
		try {
			ConfigurableApplicationContext app = new SpringApplicationBuilder(ConformanceApplication.class)
				.properties(properties)
				.run();
			return new ServerEnvironment(server, port, stop, appPort, app);
		}
		catch (RuntimeException ex) {
			stop.run();
			throw ex;
		}
	}

	/**
	 * A channel name no other scenario uses.
	 * @param prefix its prefix, such as {@code presence-room-}
	 * @return the prefix followed by a fresh suffix
	 */
	public static String channel(String prefix) {
		return prefix + "c" + channels.incrementAndGet();
	}

	/**
	 * The server's port (its HTTP API and WebSocket endpoint).
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The application's base URL.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String appUrl() {
		return "http://127.0.0.1:" + this.appPort;
	}

	public PusherOperations operations() {
		return this.app.getBean(PusherOperations.class);
	}

	/**
	 * The transport the starter sends its signed HTTP API requests through.
	 * @return the transport
	 */
	public PusherTransport transport() {
		return this.app.getBean(PusherTransport.class);
	}

	public HeardWebhooks webhooks() {
		return this.app.getBean(HeardWebhooks.class);
	}

	/**
	 * pusher-java-client 2.4.4, connected, for a user of the application.
	 * @param user the user
	 * @return the client
	 */
	public JavaClient javaClient(String user) {
		return JavaClient.as(user, ConformanceApplication.PASSWORD, "127.0.0.1", this.port, KEY, appUrl()).connect();
	}

	/**
	 * pusher-js 8.6.0 in Node, for a user of the application, subscribing to channels.
	 * @param user the user
	 * @param channels the channels, comma-separated
	 * @return the client, connecting
	 */
	public NodeClient nodeClient(String user, String channels) throws IOException {
		return NodeClient.start(Map.of("PUSHER_KEY", KEY, "PUSHER_PORT", Integer.toString(this.port), "APP_URL",
				appUrl(), "APP_USER", user, "APP_PASSWORD", ConformanceApplication.PASSWORD, "CHANNELS", channels));
	}

	/**
	 * A bare WebSocket client that shows the frames the server sends.
	 * @return the client, connected
	 */
	public RawClient rawClient() {
		return RawClient.connect("127.0.0.1", this.port, KEY);
	}

	/**
	 * What the application's {@code /pusher/auth} answers a user.
	 * @param user the user
	 * @param socketId the connection's socket id
	 * @param channel the channel
	 * @return the answer: {@code auth}, and {@code channel_data} or {@code shared_secret}
	 */
	public JsonNode authorize(String user, String socketId, String channel) {
		return post(user, "/pusher/auth", "socket_id=" + encode(socketId) + "&channel_name=" + encode(channel));
	}

	/**
	 * What the application's {@code /pusher/user-auth} answers a user.
	 * @param user the user
	 * @param socketId the connection's socket id
	 * @return the answer: {@code auth} and {@code user_data}
	 */
	public JsonNode authenticate(String user, String socketId) {
		return post(user, "/pusher/user-auth", "socket_id=" + encode(socketId));
	}

	/**
	 * A raw HTTP API request, signed as Pusher documents with the given secret and
	 * timestamp.
	 * @return the answer, whatever its status
	 */
	public HttpResponse<String> signedRequest(String secret, String method, String path, String body, long timestamp) {
		return SignedRequests.send(http, URI.create("http://127.0.0.1:" + this.port), APP_ID, KEY, secret, method, path,
				body, timestamp);
	}

	@Override
	public void close() {
		try {
			this.app.close();
		}
		finally {
			this.stopServer.run();
		}
	}

	@Override
	public String toString() {
		return this.server + " on port " + this.port + ", application on port " + this.appPort;
	}

	private JsonNode post(String user, String path, String form) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(appUrl() + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + ConformanceApplication.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + " answered " + response.body()).isEqualTo(200);
			return json.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
