package io.pusherspring.integration.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link SoketiServer} runs a real soketi on free ports until it is stopped, fails with
 * soketi's own words when soketi cannot start, and leaves no soketi process behind: not
 * when it stops, not when its test class fails to start, not when its JVM exits or is
 * killed.
 */
class SoketiServerTests {

	private static final String RUN_FAILING_CLASS = "soketi.tests.failing-class";

	@Test
	void runsARealSoketiUntilStopped() throws Exception {
		SoketiServer soketi = new SoketiServer().start();
		SoketiServer other = new SoketiServer().start();
		int port = soketi.getPort();
		long pid = soketi.pid();
		Path directory = soketi.directory();
		assertThat(directory).isDirectory();
		assertThat(directory.resolve("soketi.json")).content().contains("\"port\" : " + port);
		HttpClient client = HttpClient.newHttpClient();
		try {
			assertThat(get(client, "http://127.0.0.1:" + port + "/").body()).isEqualTo("OK");
			assertThat(get(client, "http://127.0.0.1:" + soketi.getMetricsPort() + "/usage").body())
				.contains("\"memory\"");
			assertThat(List.of(other.getPort(), other.getMetricsPort())).doesNotContain(port, soketi.getMetricsPort());
			// soketi answers its HTTP API's errors with status 200 (a difference the
			// conformance tests pin): the body says what went wrong
			assertThat(get(client, "http://127.0.0.1:" + port + "/apps/soketi-app/channels").body())
				.contains("\"code\":401");
		}
		finally {
			soketi.stop();
			other.stop();
		}
		assertThat(soketi.isRunning()).isFalse();
		assertThat(isAlive(pid)).as("soketi's process after stop()").isFalse();
		assertThatException().isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		assertThat(directory).doesNotExist();
	}

	@Test
	void failsWithSoketisLogWhenItCannotStart() {
		Path missing = Path.of("target", "no-such-certificate.pem");
		assertThat(missing).doesNotExist();
		SoketiServer soketi = new SoketiServer().tls(missing, missing);
		assertThatIllegalStateException().isThrownBy(soketi::start).withMessageContaining("soketi");
		assertThat(soketi.isRunning()).isFalse();
	}

	@Test
	void startsFromTheCommittedLockFile() throws Exception {
		SoketiInstallation.server();
		Path installed = Path.of("target", "soketi");
		assertThat(Files.readString(installed.resolve("package-lock.json")))
			.isEqualTo(Files.readString(Path.of("src", "test", "soketi", "package-lock.json")));
		String uws = Files.readString(installed.resolve(Path.of("node_modules", "uWebSockets.js", "package.json")));
		assertThat(uws).contains("\"name\": \"uwebsockets\"").contains("\"version\": \"3.0.6\"");
	}

	private static HttpResponse<String> get(HttpClient client, String uri) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void stopsWhenItsTestClassFailsToStart() {
		FailingToStart.pid.set(0);
		EngineTestKit.engine("junit-jupiter")
			.configurationParameter(RUN_FAILING_CLASS, "true")
			.selectors(selectClass(FailingToStart.class))
			.execute()
			.containerEvents()
			.assertStatistics((stats) -> stats.failed(1));
		long pid = FailingToStart.pid.get();
		assertThat(pid).as("the pid of the failing class's soketi").isPositive();
		assertThat(isAlive(pid)).as("its soketi's process once the class failed").isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "exit", "wait" })
	void doesNotOutliveItsJvm(String leaving) throws Exception {
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp",
				System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
				JvmLeavingSoketi.class.getName(), leaving)
			.redirectErrorStream(true)
			.start();
		long pid;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
			pid = soketiPid(output);
			if (leaving.equals("wait")) {
				// SIGKILL: no shutdown hook runs
				jvm.destroyForcibly();
			}
			assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM ended").isTrue();
		}
		finally {
			jvm.destroyForcibly();
		}
		awaitEnd(pid);
		assertThat(isAlive(pid)).as("the soketi of a JVM that left with '" + leaving + "'").isFalse();
	}

	private static void awaitEnd(long pid) throws InterruptedException {
		for (int i = 0; i < 300 && isAlive(pid); i++) {
			Thread.sleep(100);
		}
	}

	private static long soketiPid(BufferedReader output) throws Exception {
		StringBuilder lines = new StringBuilder();
		String line;
		while ((line = output.readLine()) != null) {
			if (line.startsWith(JvmLeavingSoketi.STARTED)) {
				return Long.parseLong(line.substring(JvmLeavingSoketi.STARTED.length()).trim());
			}
			lines.append(line).append(System.lineSeparator());
		}
		throw new AssertionError("The JVM ended without starting soketi:" + System.lineSeparator() + lines);
	}

	/**
	 * Whether a process runs: a zombie, which waits for a parent (init, for an orphan) to
	 * collect its exit status, has ended.
	 */
	private static boolean isAlive(long pid) {
		if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
			try {
				String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
				return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
			}
			catch (IOException ex) {
				return false;
			}
		}
		return false;
	}

	/**
	 * A test class whose set-up fails after its soketi started; run only by
	 * {@link #stopsWhenItsTestClassFailsToStart()}.
	 */
	@EnabledIf("runByItsTest")
	static class FailingToStart {

		static final AtomicLong pid = new AtomicLong();

		@RegisterExtension
		static SoketiServer soketi = new SoketiServer();

		@BeforeAll
		static void failAfterSoketiStarted() {
			pid.set(soketi.pid());
			throw new IllegalStateException("the application of this class does not start");
		}

		@Test
		void neverRuns() {
			throw new AssertionError("the class failed to start");
		}

		static boolean runByItsTest(ExtensionContext context) {
			return context.getConfigurationParameter(RUN_FAILING_CLASS, Boolean::parseBoolean).orElse(false);
		}

	}

}
