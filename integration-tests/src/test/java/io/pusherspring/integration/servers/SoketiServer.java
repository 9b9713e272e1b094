package io.pusherspring.integration.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real soketi 1.6.1 for a test class: installed by {@link SoketiInstallation}, run by
 * Node as a child process with its configuration file and log under
 * {@code target/servers} (removed when it stops), listening on 127.0.0.1 on free ports:
 * one for its HTTP API and WebSocket endpoint (they share it), one for its metrics
 * server, and a free UDP port for its cluster discovery, so that several soketi processes
 * on one machine (other test classes, other builds) never meet unless a test joins them
 * through Redis.
 * <p>
 * One app, configured before {@link #start()}: credentials, webhooks, client events, user
 * authentication, TLS, any other soketi option, and environment variables (such as those
 * that join nodes through Redis). Register it as a JUnit 5 extension
 * ({@code @RegisterExtension static SoketiServer soketi = new
 * SoketiServer();}) to have it started before the class's tests and stopped after them,
 * or call {@link #start()} and {@link #stop()}. Whatever fails, soketi does not outlive
 * the test JVM: a shutdown hook stops it from the moment its process starts, and soketi
 * stops itself when its standard input, a pipe from the JVM, ends, which happens even
 * when the JVM is killed ({@code src/test/soketi/stop-with-parent.cjs}); a soketi left
 * behind all the same is stopped by the next start.
 */
public final class SoketiServer implements BeforeAllCallback, AfterAllCallback {

	/** The app id of a server created without credentials. */
	public static final String DEFAULT_APP_ID = "soketi-app";

	/** The key of a server created without credentials. */
	public static final String DEFAULT_KEY = "soketi-key";

	/** The secret of a server created without credentials. */
	public static final String DEFAULT_SECRET = "soketi-secret";

	/** Every webhook soketi 1.6.1 can send. */
	public static final List<String> WEBHOOK_EVENTS = List.of("channel_occupied", "channel_vacated", "member_added",
			"member_removed", "client_event", "cache_miss");

	private static final String HOST = "127.0.0.1";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PID_FILE = "soketi.pid";

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

	private final String appId;

	private final String key;

	private final String secret;

	private final Map<String, Object> app = new LinkedHashMap<>();

	private final List<Map<String, Object>> webhooks = new ArrayList<>();

	private final Map<String, Object> options = new LinkedHashMap<>();

	private boolean tls;

	private String environment = "";

	private @Nullable Process process;

	private @Nullable Path directory;

	private @Nullable Thread shutdownHook;

	private int port;

	private int metricsPort;

	/**
	 * A soketi for the default credentials.
	 */
	public SoketiServer() {
		this(DEFAULT_APP_ID, DEFAULT_KEY, DEFAULT_SECRET);
	}

	/**
	 * A soketi for one app.
	 * @param appId the app id
	 * @param key the app key
	 * @param secret the app secret
	 */
	public SoketiServer(String appId, String key, String secret) {
		this.appId = appId;
		this.key = key;
		this.secret = secret;
	}

	/**
	 * Post signed webhooks to a URL.
	 * @param url where to post them
	 * @param events the webhook names, all of {@link #WEBHOOK_EVENTS} if none
	 * @return this server
	 */
	public synchronized SoketiServer webhook(URI url, String... events) {
		this.webhooks
			.add(Map.of("url", url.toString(), "event_types", (events.length > 0) ? List.of(events) : WEBHOOK_EVENTS));
		return this;
	}

	/**
	 * Let clients send client events ({@code enableClientMessages}; off by default, as on
	 * Pusher).
	 * @return this server
	 */
	public SoketiServer clientEvents() {
		return appOption("enableClientMessages", true);
	}

	/**
	 * Accept {@code pusher:signin} ({@code enableUserAuthentication}): soketi then closes
	 * a connection that neither signs in nor subscribes to a private or presence channel
	 * within the timeout.
	 * @param timeout the timeout ({@code userAuthenticationTimeout})
	 * @return this server
	 */
	public SoketiServer userAuthentication(Duration timeout) {
		appOption("enableUserAuthentication", true);
		return option("userAuthenticationTimeout", timeout.toMillis());
	}

	/**
	 * Serve the HTTP API and WebSocket endpoint over TLS.
	 * @param certificate the PEM certificate chain
	 * @param privateKey the PEM private key
	 * @return this server
	 */
	public synchronized SoketiServer tls(Path certificate, Path privateKey) {
		this.tls = true;
		option("ssl.certPath", certificate.toAbsolutePath().toString());
		return option("ssl.keyPath", privateKey.toAbsolutePath().toString());
	}

	/**
	 * Set a setting of the app, such as {@code maxPresenceMembersPerChannel}.
	 * @param name the setting
	 * @param value its value
	 * @return this server
	 */
	public synchronized SoketiServer appOption(String name, Object value) {
		this.app.put(name, value);
		return this;
	}

	/**
	 * Set a server option by its path in soketi's configuration, such as
	 * {@code eventLimits.maxPayloadInKb}.
	 * @param path the option
	 * @param value its value
	 * @return this server
	 */
	public synchronized SoketiServer option(String path, Object value) {
		this.options.put(path, value);
		return this;
	}

	/**
	 * Give soketi settings as environment variables, in a {@code .env} file in its
	 * working directory, as its documentation describes; they take precedence over the
	 * configuration this class writes.
	 * @param contents the file, {@code SOKETI_...=value} lines
	 * @return this server
	 */
	public synchronized SoketiServer environment(String contents) {
		this.environment = contents;
		return this;
	}

	/**
	 * Start soketi, unless it runs, and wait until it accepts connections.
	 * @return this server
	 */
	public synchronized SoketiServer start() {
		if (this.process != null) {
			return this;
		}
		Path server = SoketiInstallation.server();
		try {
			Path directory = LocalServers.newDirectory("soketi", SoketiServer::stopLeftBehind);
			Files.writeString(directory.resolve(".env"), this.environment);
			IllegalStateException failure = null;
			for (int attempt = 0; attempt < 3; attempt++) {
				// another process may take a free port before soketi binds it: try others
				int port = LocalServers.freePort();
				int metricsPort = LocalServers.freePort();
				Path log = directory.resolve("soketi-" + attempt + ".log");
				Process process = startProcess(server, directory, configuration(port, metricsPort, freeUdpPort()), log);
				// from now on, whatever happens to this JVM or this start, soketi stops
				Thread shutdownHook = new Thread(() -> {
					destroy(process);
					LocalServers.delete(directory);
				}, "soketi-stop");
				Runtime.getRuntime().addShutdownHook(shutdownHook);
				try {
					awaitReady(process, port, metricsPort, log);
					this.process = process;
					this.directory = directory;
					this.port = port;
					this.metricsPort = metricsPort;
					this.shutdownHook = shutdownHook;
					return this;
				}
				catch (RuntimeException ex) {
					destroy(process);
					removeShutdownHook(shutdownHook);
					if (!(ex instanceof IllegalStateException notReady) || Thread.currentThread().isInterrupted()) {
						throw ex;
					}
					failure = notReady;
				}
			}
			throw failure;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop soketi and the processes it started, and remove its files, if it runs.
	 */
	public synchronized void stop() {
		if (this.process == null || this.directory == null) {
			return;
		}
		destroy(this.process);
		LocalServers.delete(this.directory);
		this.process = null;
		this.directory = null;
		if (this.shutdownHook != null) {
			removeShutdownHook(this.shutdownHook);
			this.shutdownHook = null;
		}
	}

	private static void removeShutdownHook(Thread shutdownHook) {
		try {
			Runtime.getRuntime().removeShutdownHook(shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is shutting down, and the hook runs
		}
	}

	/**
	 * Whether soketi runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.process != null;
	}

	/**
	 * The host soketi listens on.
	 * @return {@code 127.0.0.1}
	 */
	public String getHost() {
		return HOST;
	}

	/**
	 * The port of the HTTP API and the WebSocket endpoint.
	 * @return the port
	 */
	public synchronized int getPort() {
		if (this.process == null) {
			throw new IllegalStateException("soketi is not running");
		}
		return this.port;
	}

	/**
	 * The port of soketi's metrics server ({@code /ready}, {@code /usage}).
	 * @return the port
	 */
	public synchronized int getMetricsPort() {
		getPort();
		return this.metricsPort;
	}

	/**
	 * The process id of soketi's Node process.
	 * @return the id, while soketi runs
	 */
	synchronized long pid() {
		if (this.process == null) {
			throw new IllegalStateException("soketi is not running");
		}
		return this.process.pid();
	}

	/**
	 * Where soketi's configuration and log are.
	 * @return the directory, while soketi runs
	 */
	synchronized @Nullable Path directory() {
		return this.directory;
	}

	/**
	 * The scheme of the HTTP API.
	 * @return {@code https} with TLS, else {@code http}
	 */
	public synchronized String getScheme() {
		return this.tls ? "https" : "http";
	}

	public String getAppId() {
		return this.appId;
	}

	public String getKey() {
		return this.key;
	}

	public String getSecret() {
		return this.secret;
	}

	/**
	 * The starter's properties for this soketi.
	 * @return {@code pusher.app-id}, {@code key}, {@code secret}, {@code host},
	 * {@code port} and {@code scheme}
	 */
	public Map<String, String> properties() {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("pusher.app-id", this.appId);
		properties.put("pusher.key", this.key);
		properties.put("pusher.secret", this.secret);
		properties.put("pusher.host", this.tls ? "localhost" : HOST);
		properties.put("pusher.port", Integer.toString(getPort()));
		properties.put("pusher.scheme", getScheme());
		return properties;
	}

	/**
	 * Register {@link #properties()} for a Spring test.
	 * @param registry the registry of a {@code @DynamicPropertySource} method
	 */
	public void registerProperties(DynamicPropertyRegistry registry) {
		properties().forEach((name, value) -> registry.add(name, () -> value));
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		stop();
	}

	@Override
	public String toString() {
		return "SoketiServer[" + (isRunning() ? getScheme() + "://" + HOST + ":" + this.port : "stopped") + "]";
	}

	private synchronized Map<String, Object> configuration(int port, int metricsPort, int clusterPort) {
		Map<String, Object> app = new LinkedHashMap<>();
		app.put("id", this.appId);
		app.put("key", this.key);
		app.put("secret", this.secret);
		app.put("webhooks", List.copyOf(this.webhooks));
		app.putAll(this.app);
		Map<String, Object> configuration = new LinkedHashMap<>();
		configuration.put("host", HOST);
		configuration.put("port", port);
		configuration.put("metrics.host", HOST);
		configuration.put("metrics.port", metricsPort);
		configuration.put("cluster.port", clusterPort);
		// closing connections takes a grace period of 3 seconds by default
		configuration.put("shutdownGracePeriod", 100);
		configuration.put("appManager.array.apps", List.of(app));
		configuration.putAll(this.options);
		return configuration;
	}

	private static Process startProcess(Path server, Path directory, Map<String, Object> configuration, Path log)
			throws IOException {
		Path file = directory.resolve("soketi.json");
		Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(configuration));
		// soketi reads the .env file of its working directory; it stops when its standard
		// input, a pipe from this JVM, ends: when the JVM exits, even when it is killed
		ProcessBuilder builder = new ProcessBuilder("node", "--require", SoketiInstallation.stopWithParent().toString(),
				server.toString(), "start", "--config=" + file)
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().keySet().removeIf((name) -> name.startsWith("SOKETI_"));
		Process process = builder.start();
		Files.writeString(directory.resolve(PID_FILE), Long.toString(process.pid()));
		return process;
	}

	/**
	 * Wait until the metrics server answers {@code /ready} and the main port accepts
	 * connections (soketi opens it second).
	 */
	private static void awaitReady(Process process, int port, int metricsPort, Path log) {
		HttpRequest ready = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + metricsPort + "/ready"))
			.timeout(Duration.ofSeconds(1))
			.build();
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new IllegalStateException("soketi exited with " + process.exitValue() + "; its log (" + log
							+ "):" + System.lineSeparator() + LocalServers.tail(log));
				}
				if (answers(ready) && accepts(port)) {
					return;
				}
				Thread.sleep(50);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		throw new IllegalStateException("soketi did not listen on port " + port + " within " + TIMEOUT + "; its log ("
				+ log + "):" + System.lineSeparator() + LocalServers.tail(log));
	}

	private static boolean answers(HttpRequest request) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && "OK".equals(response.body());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freeUdpPort() {
		try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop soketi (SIGTERM: it closes its connections with 4200 and exits), and any
	 * process it started; kill what is left after a few seconds.
	 */
	private static void destroy(Process process) {
		List<ProcessHandle> children = process.descendants().toList();
		process.destroy();
		children.forEach(ProcessHandle::destroy);
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	/**
	 * Stop a soketi that a killed JVM left behind, if its process still runs soketi.
	 */
	private static void stopLeftBehind(Path directory) {
		try {
			long pid = Long.parseLong(Files.readString(directory.resolve(PID_FILE)).trim());
			ProcessHandle.of(pid)
				.filter((handle) -> handle.info()
					.arguments()
					.map((arguments) -> String.join(" ", arguments).contains("soketi"))
					.orElse(false))
				.ifPresent(ProcessHandle::destroyForcibly);
		}
		catch (IOException | NumberFormatException ex) {
			// no soketi ran there
		}
	}

}
