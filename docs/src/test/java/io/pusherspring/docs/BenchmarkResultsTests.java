package io.pusherspring.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BenchmarkResults}: each stored result file becomes a section of the
 * benchmarks page, included rather than copied.
 */
class BenchmarkResultsTests {

	@TempDir
	Path directory;

	@Test
	void includesEveryResultFileButTheReadmeInOrderOfName() throws IOException {
		Path results = Files.createDirectories(this.directory.resolve("results"));
		Files.writeString(results.resolve("README.md"), "# The format\n");
		Files.writeString(results.resolve("trigger.txt"), "command: java ...\n");
		Files.writeString(results.resolve("auth-endpoint.csv"), "run,requests/s\n1,20155\n");
		Files.writeString(results.resolve("start-up.adoc"), "== Start-up\n");
		Files.writeString(results.resolve(".hidden"), "x");
		Path output = this.directory.resolve("generated/benchmark-results.adoc");
		BenchmarkResults.main(new String[] { results.toString(), output.toString() });
		String fragment = Files.readString(output);
		assertThat(fragment).doesNotContain("README.md").doesNotContain(".hidden");
		assertThat(fragment.indexOf("auth-endpoint.csv")).isLessThan(fragment.indexOf("start-up.adoc"));
		assertThat(fragment.indexOf("start-up.adoc")).isLessThan(fragment.indexOf("trigger.txt"));
		assertThat(fragment)
			.contains("[%header,format=csv]\n|===\ninclude::" + results.resolve("auth-endpoint.csv") + "[]\n|===\n")
			.contains("include::" + results.resolve("start-up.adoc") + "[leveloffset=+2]\n")
			.contains("[source,text]\n----\ninclude::" + results.resolve("trigger.txt") + "[]\n----\n")
			.contains("[[benchmarks-result-trigger-txt]]");
	}

	@Test
	void saysSoWhenThereAreNoResults() throws IOException {
		Path output = this.directory.resolve("benchmark-results.adoc");
		BenchmarkResults.main(new String[] { this.directory.resolve("missing").toString(), output.toString() });
		assertThat(Files.readString(output)).contains("No stored results yet");
	}

}
