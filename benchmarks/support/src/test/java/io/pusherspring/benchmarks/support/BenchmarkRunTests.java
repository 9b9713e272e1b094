package io.pusherspring.benchmarks.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BenchmarkRunTests {

	@TempDir
	Path results;

	@Test
	void smokeRunTakesSmokeDefaultsAndFullRunTakesGivenArguments() {
		BenchmarkRun smoke = BenchmarkRun.parse("auth", BenchmarkRunTests.class, new String[] { "--smoke" });
		assertThat(smoke.isSmoke()).isTrue();
		assertThat(smoke.integer(0, "rounds", 12, 1)).isOne();
		BenchmarkRun full = BenchmarkRun.parse("auth", BenchmarkRunTests.class,
				new String[] { "7", "--results", this.results.toString(), "2.5" });
		assertThat(full.isSmoke()).isFalse();
		assertThat(full.arguments()).containsExactly("7", "2.5");
		assertThat(full.integer(0, "rounds", 12, 1)).isEqualTo(7);
		assertThat(full.decimal(1, "seconds", 10, 1)).isEqualTo(2.5);
		assertThat(full.integer(2, "connections", 16, 4)).isEqualTo(16);
	}

	@Test
	void fullRunWithoutResultsDirectoryNamesTheCommandToUse() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchmarkRun.parse("no-such-benchmark", BenchmarkRunTests.class, new String[0]))
			.withMessageContaining("benchmarks/run no-such-benchmark");
	}

	@Test
	void writesTheReportWithItsHeadAndWhatTheRunPrinted() throws Exception {
		BenchmarkRun run = BenchmarkRun.parse("example", BenchmarkRunTests.class,
				new String[] { "--smoke", "--results", this.results.toString() });
		Path adoc = run.execute((current) -> {
			int rounds = current.integer(0, "rounds", 10, 1);
			current.decimal(1, "seconds", 10, 0.5);
			System.out.println("measured " + rounds + " round");
			Report report = new Report("Example", "Measures nothing real.");
			report.table("Rounds", "round", "ratio").row(1, "1.50");
			return report.ratio("speed", 1.5);
		});
		assertThat(adoc).isEqualTo(this.results.resolve("example.adoc"));
		assertThat(Files.readString(adoc)).contains("Mode:: smoke run")
			.contains("Command:: `java " + BenchmarkRunTests.class.getName() + " --smoke`")
			.contains("Parameters:: rounds: 1; seconds: 0.5")
			.contains("Machine:: " + Runtime.getRuntime().availableProcessors() + " cores (")
			.contains("Java:: ")
			.contains(":benchmark-example-speed: 1.50");
		assertThat(this.results.resolve("logs/example.txt")).content().contains("measured 1 round");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0, -1, Double.NaN, Double.POSITIVE_INFINITY })
	void failsWhenARatioIsNotAPositiveNumber(double ratio) {
		BenchmarkRun run = BenchmarkRun.parse("example", BenchmarkRunTests.class,
				new String[] { "--smoke", "--results", this.results.toString() });
		assertThatIllegalStateException()
			.isThrownBy(() -> run.execute((current) -> new Report("Example", "").ratio("speed", ratio)))
			.withMessageContaining("measured nothing");
		assertThat(this.results.resolve("example.adoc")).doesNotExist();
	}

	@Test
	void failsWhenNoRatioWasReported() {
		BenchmarkRun run = BenchmarkRun.parse("example", BenchmarkRunTests.class,
				new String[] { "--smoke", "--results", this.results.toString() });
		assertThatIllegalStateException().isThrownBy(() -> run.execute((current) -> new Report("Example", "")))
			.withMessageContaining("no ratio");
	}

	@Test
	void failsWhenATableIsEmpty() {
		BenchmarkRun run = BenchmarkRun.parse("example", BenchmarkRunTests.class,
				new String[] { "--smoke", "--results", this.results.toString() });
		assertThatIllegalStateException().isThrownBy(() -> run.execute((current) -> {
			Report report = new Report("Example", "").ratio("speed", 1);
			report.table("Rounds", "round");
			return report;
		})).withMessageContaining("table 'Rounds' has no rows");
	}

	@Test
	void restoresTheConsoleWhenTheBenchmarkFails() {
		java.io.PrintStream console = System.out;
		BenchmarkRun run = BenchmarkRun.parse("example", BenchmarkRunTests.class,
				new String[] { "--smoke", "--results", this.results.toString() });
		assertThatIllegalStateException().isThrownBy(() -> run.execute((current) -> {
			throw new IllegalStateException("the endpoint answered 401");
		}));
		assertThat(System.out).isSameAs(console);
	}

}
