package io.pusherspring.integration.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * soketi 1.6.1 installed from the npm registry into {@code target/soketi} with
 * {@code npm ci} from the committed {@code src/test/soketi/package-lock.json} (see the
 * README there for the uWebSockets.js override), the first time a test needs it, as
 * pusher-js is; {@code -DskipTests} installs nothing. An installation made from the same
 * lock file is reused. Without Node.js and npm the test fails under CI and is skipped
 * elsewhere.
 */
final class SoketiInstallation {

	private static final Path SOURCE = Path.of("src", "test", "soketi");

	private static final Path INSTALLED = Path.of("target", "soketi").toAbsolutePath();

	private static final Path SERVER = INSTALLED
		.resolve(Path.of("node_modules", "@soketi", "soketi", "bin", "server.js"));

	private static final Path STOP_WITH_PARENT = SOURCE.resolve("stop-with-parent.cjs").toAbsolutePath();

	private static final Path MARKER = INSTALLED.resolve("installed-from-package-lock.json");

	/** npm 9.9 is the first to apply an override to a git dependency. */
	private static final int[] MIN_NPM = { 9, 9 };

	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

	private static boolean checked;

	private SoketiInstallation() {
	}

	/**
	 * Install soketi unless it is installed from the same lock file.
	 * @return soketi's {@code bin/server.js}
	 */
	static synchronized Path server() {
		if (checked) {
			return SERVER;
		}
		requireNodeAndNpm();
		try {
			byte[] lock = Files.readAllBytes(SOURCE.resolve("package-lock.json"));
			if (!Files.isRegularFile(SERVER) || !Files.exists(MARKER)
					|| !Arrays.equals(lock, Files.readAllBytes(MARKER))) {
				install(lock);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		checked = true;
		return SERVER;
	}

	/**
	 * The script that stops soketi when the JVM that started it exits (see the README
	 * next to the lock file), for {@code node --require}.
	 * @return its path
	 */
	static Path stopWithParent() {
		return STOP_WITH_PARENT;
	}

	private static void install(byte[] lock) throws IOException {
		Files.createDirectories(INSTALLED);
		Files.deleteIfExists(MARKER);
		for (String file : List.of("package.json", "package-lock.json")) {
			Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		// no install scripts: soketi needs none, and they could reach beyond the registry
		LocalServers.run(INSTALL_TIMEOUT,
				List.of("npm", "ci", "--prefix", INSTALLED.toString(), "--ignore-scripts", "--no-audit", "--no-fund"));
		if (!Files.isRegularFile(SERVER)) {
			fail("npm ci in " + INSTALLED + " did not install " + SERVER);
		}
		Files.write(MARKER, lock);
	}

	private static void requireNodeAndNpm() {
		String npm;
		try {
			LocalServers.run(Duration.ofSeconds(30), List.of("node", "--version"));
			npm = LocalServers.run(Duration.ofSeconds(30), List.of("npm", "--version")).trim();
		}
		catch (RuntimeException ex) {
			LocalServers.missing("Node.js or npm", "nodejs npm");
			return;
		}
		if (!atLeast(npm, MIN_NPM)) {
			String message = "soketi's install needs npm 9.9 or later to override its uWebSockets.js git dependency, but npm is "
					+ npm + " (npm install -g npm@10)";
			if (System.getenv("CI") != null) {
				fail(message + "; under CI it is required, and .ci/run upgrades npm");
			}
			Assumptions.abort(message + "; skipped outside CI");
		}
	}

	static boolean atLeast(String version, int[] minimum) {
		String[] parts = version.split("\\.");
		for (int i = 0; i < minimum.length; i++) {
			int part = (i < parts.length) ? Integer.parseInt(parts[i].replaceAll("\\D.*", "")) : 0;
			if (part != minimum[i]) {
				return part > minimum[i];
			}
		}
		return true;
	}

}
