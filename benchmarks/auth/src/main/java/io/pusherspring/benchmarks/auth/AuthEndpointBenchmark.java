package io.pusherspring.benchmarks.auth;

import java.net.URI;
import java.util.Map;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.benchmarks.support.AuthScenario;
import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.InterleavedLoad;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Requests per second of the starter's {@code /pusher/auth} (20 authorizers, rate limit
 * on) against {@link HandWrittenAuthController}, in one application, loaded by
 * {@code wrk} on loopback in alternating rounds, so that the load of a shared machine
 * falls on both alike. Before any load, both endpoints must answer the benchmark's
 * request with the signature that Pusher's documented algorithm gives, computed
 * independently ({@link AuthScenario#expectSignature}): a refusal (such as the 401 that
 * Spring Security on the class path causes) or a wrong answer fails the run at once.
 * <p>
 * {@code benchmarks/run auth [rounds] [seconds] [connections] [warm-up rounds]}
 */
public final class AuthEndpointBenchmark {

	private AuthEndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("auth", args, AuthEndpointBenchmark::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		InterleavedLoad load = InterleavedLoad.fromArguments(run);
		int rounds = load.rounds();
		SpringApplication application = new SpringApplication(AuthBenchmarkApplication.class);
		application.setDefaultProperties(Map.of("server.port", "0", "server.address", "127.0.0.1", "pusher.app-id",
				AuthScenario.APP_ID, "pusher.key", AuthScenario.KEY, "pusher.secret", AuthScenario.SECRET,
				"pusher.auth.allow-anonymous", "true", "pusher.auth.rate-limit.capacity", "1000000000",
				"spring.main.banner-mode", "off", "logging.level.root", "warn"));
		double[][] rates;
		try (ConfigurableApplicationContext context = application.run()) {
			int authorizers = context.getBeansOfType(ChannelAuthorizer.class).size();
			if (authorizers != AuthScenario.DOMAINS.size()) {
				throw new IllegalStateException("Expected " + AuthScenario.DOMAINS.size()
						+ " authorizers but the application has " + authorizers);
			}
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			URI starter = URI.create("http://127.0.0.1:" + port + "/pusher/auth");
			URI handWritten = URI.create("http://127.0.0.1:" + port + "/handwritten/auth");
			AuthScenario.expectSignature(starter);
			AuthScenario.expectSignature(handWritten);
			rates = load.endpoint("starter", starter).endpoint("hand-written", handWritten).run(AuthScenario.FORM);
			// the answers are still right after the load
			AuthScenario.expectSignature(starter);
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
		double[] ratios = InterleavedLoad.ratios(rates[0], rates[1]);
		for (int round = 0; round < rounds; round++) {
			table.row(round + 1, Format.count(rates[0][round]), Format.count(rates[1][round]),
					Format.ratio(ratios[round]));
		}
		Summary ratio = Summary.of(ratios);
		table.row("median", Format.count(Summary.of(rates[0]).median()), Format.count(Summary.of(rates[1]).median()),
				Format.ratio(ratio));
		report.ratio("ratio", ratio.median());
		return report;
	}

}
