package io.pusherspring.benchmarks.support;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What loads an endpoint for a round: {@link Wrk}, or, for a smoke run on a machine
 * without wrk, {@link JvmLoad}. Shared by the servlet and WebFlux auth benchmarks.
 */
public interface LoadGenerator {

	/**
	 * Send the same form to an endpoint for a while, over several connections.
	 * @param url the endpoint
	 * @param form the form body, {@code application/x-www-form-urlencoded}
	 * @param seconds how long
	 * @param connections how many connections
	 * @return requests per second
	 * @throws Exception if the load generator fails, or any answer was not a 2xx
	 */
	double run(URI url, String form, int seconds, int connections) throws Exception;

	/**
	 * wrk when it is installed. Without it, a full run fails, and so does a smoke run on
	 * CI (the {@code CI} environment variable set; {@code .ci/run} installs wrk); a smoke
	 * run elsewhere uses {@link JvmLoad}, so that {@code ./mvnw verify} needs no wrk.
	 * @param run the run
	 * @return the load generator
	 */
	static LoadGenerator choose(BenchmarkRun run) {
		if (isInstalled("wrk")) {
			return new Wrk();
		}
		if (run.isSmoke() && System.getenv("CI") == null) {
			System.out.println("wrk is not installed: a JVM load loop drives this smoke run");
			return new JvmLoad();
		}
		throw new IllegalStateException("This benchmark needs wrk: install it (Debian: apt-get install wrk)");
	}

	private static boolean isInstalled(String command) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			Path candidate = Path.of(directory, command);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return true;
			}
		}
		return false;
	}

}
