package io.pusherspring.integration.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis server for a test class: Debian's {@code redis-server}, started as a child
 * process with its directory under {@code target/servers}, on a free port of 127.0.0.1,
 * without persistence ({@code --save '' --appendonly no}). The system service that
 * Debian's package installs plays no part.
 * <p>
 * Register it as a JUnit 5 extension
 * ({@code @RegisterExtension static RedisServer redis =
 * new RedisServer();}) to have it started before the class's tests and stopped after
 * them, or call {@link #start()} and {@link #stop()}. A JVM shutdown hook stops it too; a
 * server a killed JVM left behind is stopped and removed by the next start. Without the
 * binary the test fails under CI and is skipped elsewhere.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String PID_FILE = "redis-server.pid";

	private @Nullable Process process;

	private @Nullable Path directory;

	private @Nullable Thread shutdownHook;

	private int port;

	/**
	 * Start the server, unless it runs.
	 * @return this server
	 */
	public synchronized RedisServer start() {
		if (this.process != null) {
			return this;
		}
		String binary = findBinary().orElseGet(() -> {
			LocalServers.missing("Redis (redis-server)", "redis-server");
			throw new IllegalStateException("unreachable");
		});
		try {
			Path directory = LocalServers.newDirectory("redis", RedisServer::stopLeftBehind);
			IllegalStateException failure = null;
			for (int attempt = 0; attempt < 3; attempt++) {
				// another process may take the free port before the server binds it: try
				// another
				int port = LocalServers.freePort();
				Process process = startProcess(binary, directory, port);
				try {
					awaitReady(process, port, directory);
					this.process = process;
					this.directory = directory;
					this.port = port;
					this.shutdownHook = new Thread(() -> {
						destroy(process);
						LocalServers.delete(directory);
					}, "redis-stop");
					Runtime.getRuntime().addShutdownHook(this.shutdownHook);
					return this;
				}
				catch (IllegalStateException ex) {
					destroy(process);
					failure = ex;
				}
			}
			throw failure;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stop the server and remove its files, if it runs.
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
			try {
				Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
			}
			catch (IllegalStateException ex) {
				// the JVM is shutting down, and the hook runs
			}
			this.shutdownHook = null;
		}
	}

	/**
	 * Whether the server runs.
	 * @return {@code true} between {@link #start()} and {@link #stop()}
	 */
	public synchronized boolean isRunning() {
		return this.process != null;
	}

	/**
	 * The host the server listens on.
	 * @return {@code 127.0.0.1}
	 */
	public String getHost() {
		return "127.0.0.1";
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public synchronized int getPort() {
		if (this.process == null) {
			throw new IllegalStateException("The Redis server is not running");
		}
		return this.port;
	}

	/**
	 * The server's URI, as Lettuce and Spring Boot's {@code spring.data.redis.url} take
	 * it.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String getUri() {
		return "redis://" + getHost() + ":" + getPort();
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
		return "RedisServer[" + (isRunning() ? getUri() : "stopped") + "]";
	}

	private static Process startProcess(String binary, Path directory, int port) throws IOException {
		Process process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir",
				directory.toString(), "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", "")
			.directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(directory.resolve("redis.log").toFile())
			.start();
		Files.writeString(directory.resolve(PID_FILE), Long.toString(process.pid()));
		return process;
	}

	/**
	 * Wait until the server answers {@code PING}.
	 */
	private static void awaitReady(Process process, int port, Path directory) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("redis-server exited with " + process.exitValue() + "; its log:"
						+ System.lineSeparator() + LocalServers.tail(directory.resolve("redis.log")));
			}
			if (answersPing(port)) {
				return;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("redis-server did not answer on port " + port + " within " + TIMEOUT
				+ "; its log:" + System.lineSeparator() + LocalServers.tail(directory.resolve("redis.log")));
	}

	private static boolean answersPing(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
			socket.setSoTimeout(1000);
			OutputStream output = socket.getOutputStream();
			output.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			output.flush();
			InputStream input = socket.getInputStream();
			byte[] answer = input.readNBytes(7);
			return "+PONG\r\n".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void destroy(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/**
	 * Stop a server that a killed JVM left behind, if its process still runs
	 * {@code redis-server}.
	 */
	private static void stopLeftBehind(Path directory) {
		try {
			long pid = Long.parseLong(Files.readString(directory.resolve(PID_FILE)).trim());
			ProcessHandle.of(pid)
				.filter((handle) -> handle.info().command().map((command) -> command.contains("redis")).orElse(false))
				.ifPresent(ProcessHandle::destroyForcibly);
		}
		catch (IOException | NumberFormatException ex) {
			// no server ran there
		}
	}

	private static Optional<String> findBinary() {
		Optional<String> path = Optional.ofNullable(System.getenv("PATH"))
			.flatMap((value) -> Stream.of(value.split(java.io.File.pathSeparator))
				.map((entry) -> Path.of(entry, "redis-server"))
				.filter(Files::isExecutable)
				.map(Path::toString)
				.findFirst());
		return path
			.or(() -> Optional.of(Path.of("/usr/bin/redis-server")).filter(Files::isExecutable).map(Path::toString));
	}

}
