package io.pusherspring.integration.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * What {@link PostgresServer} and {@link RedisServer} share: their directories under
 * {@code target/servers}, free ports, commands and the check that a binary is installed.
 */
final class LocalServers {

	static final Path ROOT = Path.of("target", "servers").toAbsolutePath();

	private static final long JVM = ProcessHandle.current().pid();

	private static final AtomicInteger counter = new AtomicInteger();

	private LocalServers() {
	}

	/**
	 * A new, empty directory for one server, named {@code <kind>-<jvm pid>-<n>}.
	 * Directories a JVM that has died left behind are cleaned first, with {@code stop}
	 * for a server that may still run in one.
	 */
	static Path newDirectory(String kind, Consumer<Path> stop) throws IOException {
		Files.createDirectories(ROOT);
		try (Stream<Path> directories = Files.list(ROOT)) {
			for (Path stale : directories.filter((path) -> isLeftBehind(path, kind)).toList()) {
				stop.accept(stale);
				delete(stale);
			}
		}
		Path directory = ROOT.resolve(kind + "-" + JVM + "-" + counter.incrementAndGet());
		delete(directory);
		return Files.createDirectories(directory);
	}

	private static boolean isLeftBehind(Path path, String kind) {
		String[] parts = path.getFileName().toString().split("-");
		if (parts.length != 3 || !parts[0].equals(kind)) {
			return false;
		}
		try {
			long pid = Long.parseLong(parts[1]);
			return pid != JVM && ProcessHandle.of(pid).map((process) -> !process.isAlive()).orElse(true);
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			// a server still writing; the next run cleans it
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Fail (under CI, where the {@code CI} environment variable is set and
	 * {@code .ci/run} installs the package) or skip (on a developer's machine) when a
	 * binary is missing.
	 */
	static void missing(String what, String debianPackage) {
		String message = what + " is not installed (Debian: apt-get install " + debianPackage + ")";
		if (System.getenv("CI") != null) {
			fail(message + "; under CI it is required, and .ci/run installs it");
		}
		Assumptions.abort(message + "; skipped outside CI");
	}

	static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/**
	 * Run a command to its end.
	 * @return its output (standard output and error)
	 * @throws IllegalStateException with the output if it fails or outlasts the timeout
	 */
	static String run(Duration timeout, List<String> command) {
		try {
			Path output = Files.createTempFile("server-command", ".log");
			try {
				Process process = new ProcessBuilder(command).redirectErrorStream(true)
					.redirectOutput(output.toFile())
					.start();
				boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
				if (!ended) {
					process.destroyForcibly().waitFor();
				}
				String text = Files.readString(output, StandardCharsets.UTF_8);
				if (!ended || process.exitValue() != 0) {
					throw new IllegalStateException(String.join(" ", command)
							+ (ended ? " exited with " + process.exitValue() : " did not end within " + timeout) + ":"
							+ System.lineSeparator() + text);
				}
				return text;
			}
			finally {
				Files.deleteIfExists(output);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static List<String> command(List<String> prefix, String... arguments) {
		List<String> command = new ArrayList<>(prefix);
		command.addAll(List.of(arguments));
		return command;
	}

	/**
	 * The last lines of a log file, for an error message.
	 */
	static String tail(Path log) {
		try {
			List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException ex) {
			return "(no log at " + log + ")";
		}
	}

}
