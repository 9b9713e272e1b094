package io.pusherspring.benchmarks.local;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.pusherspring.benchmarks.local.FanOut.Result;
import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Machine;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link LocalPusherServer}'s fan-out against a bare broadcast: 1,000 WebSocket clients
 * (Netty, one thread, in this process) subscribed to one public channel of a
 * {@code LocalPusherServer} on loopback, events triggered through the starter's
 * {@link PusherOperations} and the server's HTTP API; and, the baseline, 1,000 more
 * clients of a minimal Netty server that writes each message to every connection (no
 * Pusher protocol, no HTTP). The two take turns, round after round; each round measures
 * deliveries per second at saturation, then send-to-receive percentiles at a steady
 * 50,000 deliveries a second.
 * <p>
 * {@code benchmarks/run fan-out [subscribers] [seconds per phase] [rounds] [paced deliveries per second]}
 */
public final class LocalServerFanOut {

	static final int TARGET_DELIVERIES_PER_SECOND = 50_000;

	private LocalServerFanOut() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("fan-out", args, LocalServerFanOut::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int subscribers = run.integer(0, "subscribers", 1000, 50);
		double seconds = run.decimal(1, "seconds per phase", 10, 0.3);
		int rounds = run.integer(2, "rounds", 5, 1);
		int paced = run.integer(3, "paced deliveries per second", TARGET_DELIVERIES_PER_SECOND, 5_000);
		int warmUp = run.integer(4, "warm-up rounds", 1, 0);
		int latencyCapacity = run.isSmoke() ? 1_000_000 : 20_000_000;
		Map<String, double[]> figures = new LinkedHashMap<>();
		for (String figure : new String[] { "local", "netty", "ratio", "local-p99", "netty-p99" }) {
			figures.put(figure, new double[rounds]);
		}
		LocalPusherServer server = new LocalPusherServer();
		server.start();
		try (ConfigurableApplicationContext application = publisher(server);
				NettyBroadcastServer baseline = new NettyBroadcastServer(
						Math.max(2, Runtime.getRuntime().availableProcessors()));
				FanOutClients pusherClients = FanOutClients.connect(
						URI.create("ws://127.0.0.1:" + server.getPort() + "/app/" + server.getKey() + "?protocol=7"),
						subscribers, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"fanout\"}}",
						"subscription_succeeded", new Latencies(latencyCapacity));
				FanOutClients baselineClients = FanOutClients.connect(baseline.uri(), subscribers, null,
						BroadcastServer.READY, new Latencies(latencyCapacity))) {
			PusherOperations pusher = application.getBean(PusherOperations.class);
			FanOut.Publisher local = (data) -> pusher.trigger("fanout", "tick", data);
			System.out.println(subscribers + " subscribers on each server");
			for (int round = -warmUp; round < rounds; round++) {
				boolean localFirst = Math.floorMod(round, 2) == 0;
				Result[] first = phases(localFirst ? local : baseline::broadcast,
						localFirst ? pusherClients : baselineClients, seconds, paced);
				Result[] second = phases(localFirst ? baseline::broadcast : local,
						localFirst ? baselineClients : pusherClients, seconds, paced);
				Result[] ours = localFirst ? first : second;
				Result[] theirs = localFirst ? second : first;
				System.out.printf(Locale.ROOT,
						"%s: LocalPusherServer saturated %s, paced %s; bare Netty saturated %s, paced %s (load %.2f)%n",
						Format.round(round, warmUp), ours[0], ours[1], theirs[0], theirs[1], Machine.loadAverage());
				if (round >= 0) {
					figures.get("local")[round] = ours[0].deliveriesPerSecond();
					figures.get("netty")[round] = theirs[0].deliveriesPerSecond();
					figures.get("ratio")[round] = ours[0].deliveriesPerSecond() / theirs[0].deliveriesPerSecond();
					figures.get("local-p99")[round] = ours[1].p99Millis();
					figures.get("netty-p99")[round] = theirs[1].p99Millis();
				}
			}
		}
		finally {
			server.stop();
		}
		Report report = new Report("`LocalPusherServer` fan-out", """
				1,000 WebSocket clients (Netty, one thread, in the benchmark's process) subscribed to one \
				public channel of a `LocalPusherServer` on loopback, events triggered through the starter's \
				`PusherOperations` and the server's HTTP API, so that each trigger is 1,000 deliveries; and, \
				the baseline, 1,000 more clients of a minimal Netty server that writes each message to every \
				connection, with no Pusher protocol and no HTTP. The two take turns, round after round. Each \
				round measures deliveries per second at saturation (the sender at most 16 messages ahead of \
				the deliveries), then the send-to-receive delay at a steady rate; every message must reach \
				every client.""");
		Report.Table table = report.table(
				"Deliveries per second at saturation, ratio to the bare Netty broadcast "
						+ "in the same round; 99th percentile delay at " + Format.count(paced) + " deliveries a second",
				"round", "`LocalPusherServer`, deliveries/s", "bare Netty, deliveries/s", "ratio",
				"`LocalPusherServer`, p99", "bare Netty, p99");
		for (int round = 0; round < rounds; round++) {
			table.row(round + 1, Format.count(figures.get("local")[round]), Format.count(figures.get("netty")[round]),
					Format.ratio(figures.get("ratio")[round]), Format.millis(figures.get("local-p99")[round]),
					Format.millis(figures.get("netty-p99")[round]));
		}
		Summary ratio = Summary.of(figures.get("ratio"));
		table.row("median", Format.count(Summary.of(figures.get("local")).median()),
				Format.count(Summary.of(figures.get("netty")).median()), Format.ratio(ratio),
				Format.millis(Summary.of(figures.get("local-p99")).median()),
				Format.millis(Summary.of(figures.get("netty-p99")).median()));
		report.ratio("ratio", ratio.median());
		report.figure("saturated", Format.count(Summary.of(figures.get("local")).median()));
		report.figure("paced-p99", Format.millis(Summary.of(figures.get("local-p99")).median()));
		return report;
	}

	private static Result[] phases(FanOut.Publisher publisher, FanOutClients clients, double seconds, int paced)
			throws Exception {
		return new Result[] { FanOut.saturate(publisher, clients, seconds),
				FanOut.pace(publisher, clients, seconds, paced) };
	}

	/**
	 * The starter's auto-configuration, pointed at the server by {@code pusher.*}
	 * properties.
	 */
	private static ConfigurableApplicationContext publisher(LocalPusherServer server) {
		SpringApplication application = new SpringApplication(Publisher.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setDefaultProperties(Map.of("logging.level.root", "warn", "pusher.app-id", server.getAppId(),
				"pusher.key", server.getKey(), "pusher.secret", server.getSecret(), "pusher.scheme", "http",
				"pusher.host", "127.0.0.1", "pusher.port", Integer.toString(server.getPort())));
		return application.run();
	}

	/**
	 * An application with the starter and nothing else.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Publisher {

	}

}
