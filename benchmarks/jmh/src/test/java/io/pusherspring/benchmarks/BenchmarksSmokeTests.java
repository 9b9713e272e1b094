package io.pusherspring.benchmarks;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry point of this module, run once in its smoke mode, as {@code verify} runs
 * it: one short round, no figure asserted, but a benchmark that fails, gets a wrong
 * answer or measures nothing fails the build.
 */
class BenchmarksSmokeTests {

	@TempDir
	Path results;

	static Stream<Arguments> entryPoints() {
		return Stream.of(Arguments.of("trigger", (EntryPoint) TriggerInterleavedComparison::main),
				Arguments.of("trigger-jmh", (EntryPoint) TriggerBenchmark::main),
				Arguments.of("pusher-event", (EntryPoint) PusherEventInterleavedComparison::main),
				Arguments.of("pusher-event-jmh", (EntryPoint) PusherEventBenchmark::main),
				Arguments.of("webhook", (EntryPoint) WebhookInterleavedComparison::main),
				Arguments.of("webhook-jmh", (EntryPoint) WebhookVerificationBenchmark::main));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("entryPoints")
	void runsOneShortRoundAndReportsRatios(String name, EntryPoint entryPoint) throws Exception {
		entryPoint.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve(name + ".adoc")).content()
			.contains("Mode:: smoke run")
			.contains("// tag::figures[]\n:benchmark-" + name + "-")
			.contains("|===");
		assertThat(this.results.resolve("logs/" + name + ".txt")).isNotEmptyFile();
	}

	@FunctionalInterface
	interface EntryPoint {

		void main(String[] args) throws Exception;

	}

}
