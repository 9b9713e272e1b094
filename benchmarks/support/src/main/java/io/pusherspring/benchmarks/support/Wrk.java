package io.pusherspring.benchmarks.support;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wrk} with 2 threads, posting the form with a Lua script. Fails on any answer
 * that is not a 2xx or 3xx, on a failed connection, read or write, and on output without
 * a rate.
 */
final class Wrk implements LoadGenerator {

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	@Override
	public double run(URI url, String form, int seconds, int connections) throws IOException, InterruptedException {
		Path script = Files.createTempFile("pusher-auth", ".lua");
		try {
			Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = \"" + form + "\"\n"
					+ "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
			Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s",
					script.toString(), url.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IllegalStateException("wrk failed:\n" + output);
			}
			Matcher failures = NON_2XX.matcher(output);
			if (failures.find()) {
				throw new IllegalStateException(url + " answered " + failures.group(1) + " requests with an error");
			}
			Matcher socketErrors = SOCKET_ERRORS.matcher(output);
			if (socketErrors.find()) {
				// a timeout (no answer within 2 s) is the machine's load; a failed
				// connection,
				// read or write is the server's doing
				int failed = Integer.parseInt(socketErrors.group(1)) + Integer.parseInt(socketErrors.group(2))
						+ Integer.parseInt(socketErrors.group(3));
				if (failed > 0) {
					throw new IllegalStateException(url + ": " + socketErrors.group());
				}
				System.out.println(url + ": " + socketErrors.group());
			}
			Matcher rate = REQUESTS_PER_SECOND.matcher(output);
			if (!rate.find()) {
				throw new IllegalStateException("No requests/s in wrk's output:\n" + output);
			}
			return Double.parseDouble(rate.group(1));
		}
		finally {
			Files.deleteIfExists(script);
		}
	}

	@Override
	public String toString() {
		return "wrk, 2 threads";
	}

}
