package io.pusherspring.benchmarks.auth;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark run once in its smoke mode, as {@code verify} runs it: one round of one
 * second per endpoint, no figure asserted, but a refused or wrong answer fails the build.
 */
class AuthEndpointBenchmarkSmokeTests {

	@TempDir
	Path results;

	@Test
	void bothEndpointsAnswerWithTheChannelsSignatureUnderLoad() throws Exception {
		AuthEndpointBenchmark.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("auth.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-auth-ratio: ")
			.contains("|median |");
	}

	@Test
	void springSecurityIsNotOnThisBenchmarksClassPath() {
		// with it, every request to /pusher/auth would be refused with 401
		assertThat(getClass().getClassLoader().getResource("org/springframework/security/core/Authentication.class"))
			.isNull();
	}

}
