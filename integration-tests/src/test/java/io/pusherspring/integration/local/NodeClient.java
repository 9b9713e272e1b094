package io.pusherspring.integration.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code src/test/js/client.mjs}: pusher-js run by Node, connected to any Pusher-protocol
 * server (a {@code LocalPusherServer}, or soketi in the conformance and soketi tests),
 * installed from the npm registry with {@code npm ci} (from the committed
 * {@code package-lock.json}) into {@code target/pusher-js} the first time a test needs
 * it. Without Node and npm on the path the test is skipped on a developer's machine and
 * fails under CI (the {@code CI} environment variable is set), where {@code .ci/run}
 * installs them.
 */
public final class NodeClient implements AutoCloseable {

	/** How long to wait for a line from the client. */
	public static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final Path SOURCE = Path.of("src", "test", "js");

	private static final Path INSTALLED = Path.of("target", "pusher-js");

	private static final JsonMapper json = JsonMapper.shared();

	private static boolean installed;

	private final Process process;

	private final BlockingQueue<JsonNode> lines = new LinkedBlockingQueue<>();

	private final StringBuilder errors = new StringBuilder();

	private NodeClient(Process process) {
		this.process = process;
		Thread reader = new Thread(this::read, "pusher-js-output");
		reader.setDaemon(true);
		reader.start();
	}

	/**
	 * Start the client as a user of {@link LiveClassroomApplication}.
	 * @param server the server to connect to
	 * @param appPort the port of the application's auth endpoints
	 * @param user the user, who authorizes channels and signs in
	 * @param channels the channels to subscribe to, comma-separated
	 * @param signIn whether to sign in, and print the watchlist events it hears
	 * @return the running client
	 */
	static NodeClient start(LocalPusherServer server, int appPort, String user, String channels, boolean signIn)
			throws IOException {
		return start(Map.of("PUSHER_KEY", server.getKey(), "PUSHER_PORT", Integer.toString(server.getPort()), "APP_URL",
				"http://127.0.0.1:" + appPort, "APP_USER", user, "APP_PASSWORD", LiveClassroomApplication.PASSWORD,
				"CHANNELS", channels, "SIGN_IN", Boolean.toString(signIn)));
	}

	/**
	 * Start the client.
	 * @param environment its settings: {@code PUSHER_KEY}, {@code PUSHER_PORT},
	 * {@code APP_URL}, {@code APP_USER}, {@code APP_PASSWORD}, {@code CHANNELS},
	 * {@code SIGN_IN} (the server at {@code ws://127.0.0.1:PUSHER_PORT}); or
	 * {@code PUSHER_TLS=true} and {@code PUSHER_HOST} for {@code wss}, with Node's
	 * {@code NODE_EXTRA_CA_CERTS} if the server's certificate needs it
	 * @return the running client
	 */
	public static NodeClient start(Map<String, String> environment) throws IOException {
		Path directory = install();
		ProcessBuilder builder = new ProcessBuilder("node", "client.mjs").directory(directory.toFile());
		builder.environment().putAll(environment);
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		return new NodeClient(builder.start());
	}

	/**
	 * The next line the client printed, which must be of this type.
	 */
	public JsonNode next(String type) {
		JsonNode line = next();
		assertThat(line.path("type").asString()).as("type of " + line).isEqualTo(type);
		return line;
	}

	/**
	 * The next line the client printed.
	 */
	public JsonNode next() {
		try {
			JsonNode line = this.lines.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(line).as("a line from pusher-js within " + TIMEOUT + this.errors).isNotNull();
			return line;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public void expectNothing(Duration within) throws InterruptedException {
		assertThat(this.lines.poll(within.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	@Override
	public void close() throws Exception {
		this.process.getOutputStream().close();
		if (!this.process.waitFor(5, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

	private void read() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				try {
					this.lines.add(json.readTree(line));
				}
				catch (RuntimeException ex) {
					this.errors.append(System.lineSeparator()).append(line);
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private static synchronized Path install() throws IOException {
		if (installed) {
			return INSTALLED;
		}
		requireNode();
		Files.createDirectories(INSTALLED);
		for (String file : List.of("package.json", "package-lock.json", "client.mjs")) {
			Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		List<String> output = run(Duration.ofMinutes(5), "npm", "ci", "--prefix", INSTALLED.toAbsolutePath().toString(),
				"--no-audit", "--no-fund");
		if (output == null) {
			fail("npm ci failed in " + INSTALLED.toAbsolutePath());
		}
		installed = true;
		return INSTALLED;
	}

	private static void requireNode() {
		List<String> node = run(Duration.ofSeconds(30), "node", "--version");
		List<String> npm = run(Duration.ofSeconds(30), "npm", "--version");
		if (node != null && npm != null) {
			return;
		}
		String message = "pusher-js needs Node.js and npm on the path (Debian: apt-get install nodejs npm)";
		if (System.getenv("CI") != null) {
			fail(message + "; under CI they are required, and .ci/run installs them");
		}
		Assumptions.abort(message + "; skipped outside CI");
	}

	/**
	 * Run a command.
	 * @return its output, or {@code null} if it could not run or failed
	 */
	private static List<String> run(Duration timeout, String... command) {
		try {
			Process process = new ProcessBuilder(command)
				.directory(INSTALLED.toFile().getAbsoluteFile().getParentFile())
				.redirectErrorStream(true)
				.start();
			List<String> output = new ArrayList<>();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				reader.lines().forEach(output::add);
			}
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
				return null;
			}
			if (process.exitValue() != 0) {
				System.err.println(String.join(System.lineSeparator(), output));
				return null;
			}
			return output;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new IOException(ex));
		}
	}

}
