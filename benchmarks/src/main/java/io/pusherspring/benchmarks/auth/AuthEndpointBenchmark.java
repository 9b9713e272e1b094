package io.pusherspring.benchmarks.auth;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests per second of the starter's {@code /pusher/auth} (20 authorizers, rate limit
 * on) against {@link HandWrittenAuthController}, in one application, measured with
 * {@code wrk} on loopback in alternating rounds, so that the load of a shared machine
 * falls on both alike. Prints each round, the medians and the median of the per-round
 * ratios.
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.pusherspring.benchmarks.auth.AuthEndpointBenchmark [rounds] [seconds] [connections]}
 */
public final class AuthEndpointBenchmark {

	static final String APP_ID = "3";

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	private static final int WARM_UP_ROUNDS = 3;

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private AuthEndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 10;
		int seconds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		int connections = (args.length > 2) ? Integer.parseInt(args[2]) : 16;
		SpringApplication application = new SpringApplication(AuthBenchmarkApplication.class);
		application.setDefaultProperties(java.util.Map.of("server.port", "0", "server.address", "127.0.0.1",
				"pusher.app-id", APP_ID, "pusher.key", KEY, "pusher.secret", SECRET, "pusher.auth.allow-anonymous",
				"true", "pusher.auth.rate-limit.capacity", "1000000000", "spring.main.banner-mode", "off"));
		try (ConfigurableApplicationContext context = application.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Path script = Files.createTempFile("pusher-auth", ".lua");
			String body = "socket_id=1234.5678&channel_name="
					+ URLEncoder.encode(AuthBenchmarkApplication.CHANNEL, StandardCharsets.UTF_8);
			Files.writeString(script, "wrk.method = \"POST\"\nwrk.body = \"" + body + "\"\n"
					+ "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n");
			String starter = "http://127.0.0.1:" + port + "/pusher/auth";
			String handWritten = "http://127.0.0.1:" + port + "/handwritten/auth";
			System.out.println("uptime before: " + uptime());
			for (int warmUp = 1; warmUp <= WARM_UP_ROUNDS; warmUp++) {
				System.out.printf(Locale.ROOT, "warm-up %d: starter %.0f, hand-written %.0f requests/s%n", warmUp,
						wrk(script, starter, seconds, connections), wrk(script, handWritten, seconds, connections));
			}
			List<Double> starterRates = new ArrayList<>();
			List<Double> handWrittenRates = new ArrayList<>();
			List<Double> ratios = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				double ours;
				double theirs;
				if (round % 2 == 1) {
					ours = wrk(script, starter, seconds, connections);
					theirs = wrk(script, handWritten, seconds, connections);
				}
				else {
					theirs = wrk(script, handWritten, seconds, connections);
					ours = wrk(script, starter, seconds, connections);
				}
				starterRates.add(ours);
				handWrittenRates.add(theirs);
				ratios.add(ours / theirs);
				System.out.printf(Locale.ROOT, "round %2d: starter %8.0f, hand-written %8.0f requests/s, ratio %.3f%n",
						round, ours, theirs, ours / theirs);
			}
			System.out.printf(Locale.ROOT,
					"median: starter %.0f, hand-written %.0f requests/s; median ratio %.3f (min %.3f, max %.3f)%n",
					median(starterRates), median(handWrittenRates), median(ratios), Collections.min(ratios),
					Collections.max(ratios));
			System.out.println("uptime after: " + uptime());
			Files.deleteIfExists(script);
		}
	}

	private static double wrk(Path script, String url, int seconds, int connections)
			throws IOException, InterruptedException {
		Process process = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "-s",
				script.toString(), url)
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
		Matcher rate = REQUESTS_PER_SECOND.matcher(output);
		if (!rate.find()) {
			throw new IllegalStateException("No requests/s in wrk's output:\n" + output);
		}
		return Double.parseDouble(rate.group(1));
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	private static String uptime() throws IOException {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

}
