package io.pusherspring.benchmarks.local;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fan-out benchmarks run once in their smoke mode, as {@code verify} runs them: 50
 * clients, one short round, no figure asserted, but a lost delivery or a server that
 * delivers nothing fails the build.
 */
class FanOutBenchmarksSmokeTests {

	@TempDir
	Path results;

	@Test
	void localPusherServerDeliversEveryEventToEveryClient() throws Exception {
		LocalServerFanOut.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("fan-out.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-fan-out-ratio: ");
	}

	@Test
	void everyWebSocketLibraryDeliversEveryMessageToEveryClient() throws Exception {
		WebSocketLibraryComparison.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("websocket-libraries.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-websocket-libraries-jetty-12: ")
			.contains(":benchmark-websocket-libraries-tomcat-11: ");
	}

}
