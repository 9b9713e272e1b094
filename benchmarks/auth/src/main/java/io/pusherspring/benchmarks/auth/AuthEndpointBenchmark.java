package io.pusherspring.benchmarks.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.LoadGenerator;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests per second of the starter's {@code /pusher/auth} (20 authorizers, rate limit
 * on) against {@link HandWrittenAuthController}, in one application, loaded by
 * {@code wrk} on loopback in alternating rounds, so that the load of a shared machine
 * falls on both alike. Before any load, both endpoints must answer the benchmark's
 * request with the signature that Pusher's documented algorithm gives, computed here
 * independently: a refusal (such as the 401 that Spring Security on the class path
 * causes) or a wrong answer fails the run at once.
 * <p>
 * {@code benchmarks/run auth [rounds] [seconds] [connections] [warm-up rounds]}
 */
public final class AuthEndpointBenchmark {

	static final String APP_ID = "3";

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	static final String SOCKET_ID = "1234.5678";

	private AuthEndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("auth", args, AuthEndpointBenchmark::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int rounds = run.integer(0, "rounds", 12, 1);
		int seconds = run.integer(1, "seconds per round", 10, 1);
		int connections = run.integer(2, "connections", 16, 4);
		int warmUp = run.integer(3, "warm-up rounds", 3, 0);
		LoadGenerator load = LoadGenerator.choose(run);
		run.parameter("load", load);
		SpringApplication application = new SpringApplication(AuthBenchmarkApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "pusher.app-id",
				APP_ID, "pusher.key", KEY, "pusher.secret", SECRET, "pusher.auth.allow-anonymous", "true",
				"pusher.auth.rate-limit.capacity", "1000000000", "spring.main.banner-mode", "off", "logging.level.root",
				"warn"));
		double[] starterRates = new double[rounds];
		double[] handWrittenRates = new double[rounds];
		double[] ratios = new double[rounds];
		try (ConfigurableApplicationContext context = application.run()) {
			int authorizers = context.getBeansOfType(ChannelAuthorizer.class).size();
			if (authorizers != AuthBenchmarkApplication.DOMAINS.size()) {
				throw new IllegalStateException("Expected " + AuthBenchmarkApplication.DOMAINS.size()
						+ " authorizers but the application has " + authorizers);
			}
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String form = "socket_id=" + SOCKET_ID + "&channel_name="
					+ URLEncoder.encode(AuthBenchmarkApplication.CHANNEL, StandardCharsets.UTF_8);
			URI starter = URI.create("http://127.0.0.1:" + port + "/pusher/auth");
			URI handWritten = URI.create("http://127.0.0.1:" + port + "/handwritten/auth");
			expectSignature(starter, form);
			expectSignature(handWritten, form);
			for (int round = -warmUp; round < rounds; round++) {
				double ours;
				double theirs;
				if (Math.floorMod(round, 2) == 0) {
					ours = load.run(starter, form, seconds, connections);
					theirs = load.run(handWritten, form, seconds, connections);
				}
				else {
					theirs = load.run(handWritten, form, seconds, connections);
					ours = load.run(starter, form, seconds, connections);
				}
				System.out.printf(Locale.ROOT, "%s: starter %.0f, hand-written %.0f requests/s, ratio %.3f%n",
						Format.round(round, warmUp), ours, theirs, ours / theirs);
				if (round >= 0) {
					starterRates[round] = ours;
					handWrittenRates[round] = theirs;
					ratios[round] = ours / theirs;
				}
			}
			// the answers are still right after the load
			expectSignature(starter, form);
		}
		Report report = new Report("The channel authorization endpoint", """
				One Spring Boot application (Spring MVC on Tomcat, on loopback) holding the starter's \
				`/pusher/auth` with 20 registered authorizers (the request matches the pattern searched last, \
				and the rate limit is on, with a budget too large to refuse) and, the baseline, a hand-written \
				controller that calls pusher-http-java's `Pusher.authenticate` with no check at all. `wrk` \
				loads the two endpoints in turn, round after round, after warm-up rounds; the ratio is the \
				median of the per-round ratios of requests per second, with the interquartile range in \
				brackets.""");
		Report.Table table = report.table("Requests per second, ratio to the hand-written controller in the same round",
				"round", "`/pusher/auth`, 20 authorizers", "hand-written controller", "ratio");
		for (int round = 0; round < rounds; round++) {
			table.row(round + 1, Format.count(starterRates[round]), Format.count(handWrittenRates[round]),
					Format.ratio(ratios[round]));
		}
		Summary ratio = Summary.of(ratios);
		table.row("median", Format.count(Summary.of(starterRates).median()),
				Format.count(Summary.of(handWrittenRates).median()), Format.ratio(ratio));
		report.ratio("ratio", ratio.median());
		return report;
	}

	/**
	 * Post the benchmark's request once and check the answer against the signature
	 * computed here.
	 */
	private static void expectSignature(URI url, String form) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		String expected = KEY + ":" + hmacSha256(SECRET, SOCKET_ID + ":" + AuthBenchmarkApplication.CHANNEL);
		String auth = (response.statusCode() == 200)
				? JsonMapper.shared().readTree(response.body()).path("auth").asString() : null;
		if (!expected.equals(auth)) {
			throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body()
					+ " instead of the channel's signature");
		}
	}

	private static String hmacSha256(String secret, String message) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
	}

}
