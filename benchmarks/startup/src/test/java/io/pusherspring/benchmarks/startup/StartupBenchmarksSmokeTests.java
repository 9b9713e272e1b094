package io.pusherspring.benchmarks.startup;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up benchmarks run once in their smoke mode, as {@code verify} runs them: one
 * round, no figure asserted, but a sample that no longer starts with or without the
 * starter fails the build.
 */
class StartupBenchmarksSmokeTests {

	@TempDir
	Path results;

	@Test
	void startsTheSampleWithAndWithoutTheStarterInOneProcess() throws Exception {
		StartupCost.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("startup.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-startup-ratio: ");
	}

	@Test
	void startsTheSampleWithAndWithoutTheStarterInNewJvms() throws Exception {
		FreshStartupCost.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("startup-fresh.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-startup-fresh-ratio: ");
	}

	@Test
	void listsTheStartersSlowestStartupSteps() throws Exception {
		PrintStream console = System.out;
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
		try {
			StartupSteps.main(new String[] { "cold" });
		}
		finally {
			System.setOut(console);
		}
		assertThat(output.toString(StandardCharsets.UTF_8)).containsPattern("ms  spring.beans.instantiate .*pusher");
	}

}
