package io.pusherspring.benchmarks.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pusherspring.benchmarks.local.FanOut.Result;
import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Machine;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

/**
 * The measurement behind {@code LocalPusherServer}'s WebSocket library: the same fan-out
 * (1,000 clients on loopback, one message to all, no Pusher protocol, no HTTP) through a
 * minimal server on each library that Spring Boot manages and that can run inside a test
 * without choosing the application's web server: Netty 4.2 (the baseline), Jetty 12 (its
 * own WebSocket API) and Tomcat 11 (Jakarta WebSocket). Libraries alternate round by
 * round, each round on a fresh server; per round: deliveries per second at saturation,
 * then percentiles at a steady 50,000 deliveries a second, and the threads the server
 * runs.
 * <p>
 * {@code benchmarks/run websocket-libraries [subscribers] [seconds per phase] [rounds] [libraries]}
 */
public final class WebSocketLibraryComparison {

	private static final List<String> LIBRARIES = List.of("Netty", "Jetty 12", "Tomcat 11");

	private WebSocketLibraryComparison() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("websocket-libraries", args, WebSocketLibraryComparison::run);
	}

	static Report run(BenchmarkRun run) throws Exception {
		int subscribers = run.integer(0, "subscribers", 1000, 50);
		double seconds = run.decimal(1, "seconds per phase", 5, 0.3);
		int rounds = run.integer(2, "rounds", 5, 1);
		int paced = run.integer(3, "paced deliveries per second", LocalServerFanOut.TARGET_DELIVERIES_PER_SECOND,
				5_000);
		int warmUp = run.integer(4, "warm-up rounds", 1, 0);
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		Map<String, List<Result>> saturated = new LinkedHashMap<>();
		Map<String, List<Result>> steady = new LinkedHashMap<>();
		Map<String, List<Double>> threadCounts = new LinkedHashMap<>();
		Map<String, List<Double>> ratios = new LinkedHashMap<>();
		Latencies latencies = new Latencies(run.isSmoke() ? 1_000_000 : 20_000_000);
		for (int round = -warmUp; round < rounds; round++) {
			Map<String, Double> rates = new LinkedHashMap<>();
			for (String library : LIBRARIES) {
				Set<Thread> before = Thread.getAllStackTraces().keySet();
				try (BroadcastServer server = switch (library) {
					case "Netty" -> new NettyBroadcastServer(threads);
					case "Jetty 12" -> new JettyBroadcastServer(threads);
					default -> new TomcatBroadcastServer();
				};
						FanOutClients clients = FanOutClients.connect(server.uri(), subscribers, null,
								BroadcastServer.READY, latencies)) {
					// the server's threads: those started since, less the clients' one
					long running = Thread.getAllStackTraces()
						.keySet()
						.stream()
						.filter((thread) -> thread.isAlive() && !before.contains(thread))
						.count() - 1;
					Result fast = FanOut.saturate(server::broadcast, clients, seconds);
					Result paced50k = FanOut.pace(server::broadcast, clients, seconds, paced);
					System.out.printf(Locale.ROOT, "%s %s: saturated %s; paced %s; threads %d (load %.2f)%n",
							Format.round(round, warmUp), library, fast, paced50k, running, Machine.loadAverage());
					if (round >= 0) {
						saturated.computeIfAbsent(library, (key) -> new ArrayList<>()).add(fast);
						steady.computeIfAbsent(library, (key) -> new ArrayList<>()).add(paced50k);
						threadCounts.computeIfAbsent(library, (key) -> new ArrayList<>()).add((double) running);
						rates.put(library, fast.deliveriesPerSecond());
					}
				}
			}
			if (round >= 0) {
				for (String library : LIBRARIES) {
					ratios.computeIfAbsent(library, (key) -> new ArrayList<>())
						.add(rates.get(library) / rates.get(LIBRARIES.get(0)));
				}
			}
		}
		Report report = new Report("WebSocket libraries for `LocalPusherServer`", """
				The measurement `LocalPusherServer`'s WebSocket library was chosen by: 1,000 WebSocket clients \
				(Netty, one thread, in the benchmark's process) connected to a minimal broadcast server (no \
				Pusher protocol, no HTTP: one message written to every connection) on each library that \
				Spring Boot manages and that a test can run without changing the application's web server. \
				The libraries take turns, round after round, each round on a fresh server: deliveries per \
				second at saturation (the sender at most 16 messages ahead of the deliveries), as a ratio to \
				Netty's in the same round (median, and interquartile range in brackets), then the \
				send-to-receive delay at a steady rate; every message must reach every client.""");
		Report.Table table = report.table(
				"Saturated deliveries per second (median), ratio to Netty in the same round; "
						+ "99th percentile delay at " + Format.count(paced) + " deliveries a second",
				"library", "deliveries/s", "ratio", "p99", "threads the server runs");
		for (String library : LIBRARIES) {
			Summary ratio = Summary.of(ratios.get(library));
			table.row(library, Format.count(median(saturated.get(library), true)), Format.ratio(ratio),
					Format.millis(median(steady.get(library), false)),
					Format.count(Summary.of(threadCounts.get(library)).median()));
			if (!library.equals(LIBRARIES.get(0))) {
				report.ratio(library.toLowerCase(Locale.ROOT).replace(' ', '-'), ratio.median());
			}
		}
		return report;
	}

	private static double median(List<Result> results, boolean rate) {
		return Summary
			.of(results.stream().map((result) -> rate ? result.deliveriesPerSecond() : result.p99Millis()).toList())
			.median();
	}

}
