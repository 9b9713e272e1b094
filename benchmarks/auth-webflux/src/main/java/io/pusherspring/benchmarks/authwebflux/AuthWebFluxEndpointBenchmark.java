package io.pusherspring.benchmarks.authwebflux;

import java.net.URI;
import java.util.HashMap;
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
 * Requests per second of the starter's WebFlux {@code /pusher/auth} (20 authorizers, rate
 * limit on) against {@link HandWrittenAuthHandler}, loaded by {@code wrk} on loopback in
 * interleaved rounds, so that the load of a shared machine falls on all alike. The
 * starter's endpoint runs twice, in two applications: with the authorizers declared
 * {@link ChannelAuthorizer#nonBlocking() never to block}, called on the event loop as the
 * hand-written check is, and left as they may block, called on Reactor's bounded elastic
 * scheduler. Before any load, each endpoint must answer the benchmark's request with the
 * signature that Pusher's documented algorithm gives
 * ({@link AuthScenario#expectSignature}): a refusal or a wrong answer fails the run at
 * once.
 * <p>
 * {@code benchmarks/run auth-webflux [rounds] [seconds] [connections] [warm-up rounds]}
 */
public final class AuthWebFluxEndpointBenchmark {

	private AuthWebFluxEndpointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("auth-webflux", args, AuthWebFluxEndpointBenchmark::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		InterleavedLoad load = InterleavedLoad.fromArguments(run);
		int rounds = load.rounds();
		double[][] rates;
		try (ConfigurableApplicationContext nonBlocking = start(false);
				ConfigurableApplicationContext mayBlock = start(true)) {
			URI starter = url(nonBlocking, "/pusher/auth");
			URI starterMayBlock = url(mayBlock, "/pusher/auth");
			URI handWritten = url(nonBlocking, "/handwritten/auth");
			for (URI url : new URI[] { starter, starterMayBlock, handWritten }) {
				AuthScenario.expectSignature(url);
			}
			rates = load.endpoint("starter (non-blocking)", starter)
				.endpoint("starter (may block)", starterMayBlock)
				.endpoint("hand-written", handWritten)
				.run(AuthScenario.FORM);
			// the answers are still right after the load
			AuthScenario.expectSignature(starter);
			AuthScenario.expectSignature(starterMayBlock);
		}
		Report report = new Report("The channel authorization endpoint on WebFlux", """
				Spring Boot WebFlux applications (Reactor Netty, on loopback, no servlet API) holding the \
				starter's `/pusher/auth` with 20 registered authorizers (the request matches the pattern \
				searched last, and the rate limit is on, with a budget too large to refuse): in one \
				application the authorizers are declared never to block (`ChannelAuthorizer.nonBlocking()`) \
				and are called on the event loop, in the other they are left as they may block and are called \
				on Reactor's bounded elastic scheduler. The baseline, beside the first, is a hand-written \
				`RouterFunction` that decodes the form, checks the channel against the same 20 prefixes on the \
				event loop and signs it with HMAC-SHA256 itself (one `Mac` per thread), with no other check. \
				`wrk` loads the three endpoints in turn, round after round, each round starting one further \
				along, after warm-up rounds; a ratio is the median of the per-round ratios of requests per \
				second to the hand-written handler, with the interquartile range in brackets.""");
		Report.Table table = report.table("Requests per second, ratio to the hand-written handler in the same round",
				"round", "`/pusher/auth`, authorizers non-blocking", "`/pusher/auth`, authorizers may block",
				"hand-written `RouterFunction`", "ratio, non-blocking", "ratio, may block");
		double[] ratios = InterleavedLoad.ratios(rates[0], rates[2]);
		double[] mayBlockRatios = InterleavedLoad.ratios(rates[1], rates[2]);
		for (int round = 0; round < rounds; round++) {
			table.row(round + 1, Format.count(rates[0][round]), Format.count(rates[1][round]),
					Format.count(rates[2][round]), Format.ratio(ratios[round]), Format.ratio(mayBlockRatios[round]));
		}
		Summary ratio = Summary.of(ratios);
		Summary mayBlockRatio = Summary.of(mayBlockRatios);
		table.row("median", Format.count(Summary.of(rates[0]).median()), Format.count(Summary.of(rates[1]).median()),
				Format.count(Summary.of(rates[2]).median()), Format.ratio(ratio), Format.ratio(mayBlockRatio));
		report.ratio("ratio", ratio.median());
		report.ratio("ratio-may-block", mayBlockRatio.median());
		return report;
	}

	private static ConfigurableApplicationContext start(boolean authorizersMayBlock) {
		SpringApplication application = new SpringApplication(AuthWebFluxBenchmarkApplication.class);
		Map<String, Object> properties = new HashMap<>(Map.of("server.port", "0", "server.address", "127.0.0.1",
				"pusher.app-id", AuthScenario.APP_ID, "pusher.key", AuthScenario.KEY, "pusher.secret",
				AuthScenario.SECRET, "pusher.auth.allow-anonymous", "true", "pusher.auth.rate-limit.capacity",
				"1000000000", "spring.main.banner-mode", "off", "logging.level.root", "warn"));
		properties.put(AuthWebFluxBenchmarkApplication.MAY_BLOCK, Boolean.toString(authorizersMayBlock));
		application.setDefaultProperties(properties);
		ConfigurableApplicationContext context = application.run();
		int authorizers = context.getBeansOfType(ChannelAuthorizer.class).size();
		long blocking = context.getBeansOfType(ChannelAuthorizer.class)
			.values()
			.stream()
			.filter(ChannelAuthorizer::mayBlock)
			.count();
		if (authorizers != AuthScenario.DOMAINS.size() || blocking != (authorizersMayBlock ? authorizers : 0)) {
			context.close();
			throw new IllegalStateException("Expected " + AuthScenario.DOMAINS.size() + " authorizers, "
					+ (authorizersMayBlock ? "all" : "none") + " of which may block, but the application has "
					+ authorizers + ", " + blocking + " of which may block");
		}
		return context;
	}

	private static URI url(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

}
