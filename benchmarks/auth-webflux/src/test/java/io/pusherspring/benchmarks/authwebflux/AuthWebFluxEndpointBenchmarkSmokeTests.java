package io.pusherspring.benchmarks.authwebflux;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark run once in its smoke mode, as {@code verify} runs it: one round of one
 * second per endpoint, no figure asserted, but a refused or wrong answer fails the build.
 */
class AuthWebFluxEndpointBenchmarkSmokeTests {

	@TempDir
	Path results;

	@Test
	void bothEndpointsAnswerWithTheChannelsSignatureUnderLoad() throws Exception {
		AuthWebFluxEndpointBenchmark.main(new String[] { "--smoke", "--results", this.results.toString() });
		assertThat(this.results.resolve("auth-webflux.adoc")).content()
			.contains("Mode:: smoke run")
			.contains(":benchmark-auth-webflux-ratio: ")
			.contains(":benchmark-auth-webflux-ratio-may-block: ")
			.contains("|median |");
	}

	@Test
	void neitherTheServletApiNorSpringSecurityIsOnThisBenchmarksClassPath() {
		ClassLoader loader = getClass().getClassLoader();
		assertThat(loader.getResource("jakarta/servlet/Servlet.class")).isNull();
		// with Spring Security, every request to /pusher/auth would be refused with 401
		assertThat(loader.getResource("org/springframework/security/core/Authentication.class")).isNull();
	}

}
