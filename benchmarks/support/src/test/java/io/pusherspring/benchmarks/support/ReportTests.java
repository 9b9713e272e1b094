package io.pusherspring.benchmarks.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportTests {

	private static final RunDescription RUN = new RunDescription("auth", false, "benchmarks/run auth",
			"io.pusherspring.benchmarks.auth.AuthEndpointBenchmark", "rounds 12", "2026-12-07 16:40 UTC", "4 min 2 s",
			"c4df72c", new Machine(2, "AMD EPYC", "23.4 GiB", "Debian GNU/Linux 12", "OpenJDK 17"),
			"1.00 at the start, 2.00 at the end");

	@Test
	void asciiDocHasTheHeadTheFiguresAsAttributesAndTheTablesBetweenTags() {
		Report report = new Report("Auth", "Requests per second.").ratio("ratio", 1.1834).figure("added", "21.7 ms");
		report.table("Rounds", "round", "starter", "ratio").row(1, "20,155", "1.18");
		report.note("A note.");
		String adoc = report.toAsciiDoc(RUN);
		assertThat(adoc).startsWith("// Written by benchmarks/run auth")
			.contains("// tag::title[]\n== Auth\n// end::title[]\n")
			.contains("// tag::about[]\n[horizontal]\nCommand:: `benchmarks/run auth`\n")
			.contains("Date:: 2026-12-07 16:40 UTC (4 min 2 s)\n")
			.contains("Commit:: `c4df72c`\n")
			.contains("Log:: `logs/auth.txt`, every round\n")
			.contains("Machine:: 2 cores (AMD EPYC), 23.4 GiB of memory, Debian GNU/Linux 12\n")
			.contains("// tag::summary[]\nRequests per second.\n// end::summary[]")
			.contains(
					"// tag::figures[]\n:benchmark-auth-ratio: 1.18\n:benchmark-auth-added: 21.7 ms\n// end::figures[]")
			.contains(
					".Rounds\n[%header%autowidth,cols=\"<,>,>\"]\n|===\n|round |starter |ratio\n\n|1 |20,155 |1.18\n|===\n")
			.contains("A note.\n")
			.endsWith("// end::results[]\n")
			.doesNotContain("Mode::");
	}

	@Test
	void cellsCannotEndTheirCellEarly() {
		Report report = new Report("Auth", "").ratio("ratio", 1);
		report.table("Rounds", "a", "b").row("x | y", "z");
		assertThat(report.toAsciiDoc(RUN)).contains("|x \\| y |z\n");
	}

	@Test
	void rowsHaveOneCellPerColumn() {
		Report report = new Report("Auth", "");
		assertThatIllegalArgumentException().isThrownBy(() -> report.table("Rounds", "a", "b").row("only one"));
	}

	@Test
	void figureNamesAreAttributeNames() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Report("Auth", "").ratio("Template Sync", 1));
	}

}
