package io.pusherspring.benchmarks.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import io.pusherspring.benchmarks.local.FanOut.Result;

/**
 * The measurement behind {@code LocalPusherServer}'s WebSocket library: the same fan-out
 * (1,000 clients on loopback, one message to all, no Pusher protocol, no HTTP) through a
 * minimal server on each library that Spring Boot manages and that can run inside a test
 * without choosing the application's web server: Netty 4.2, Jetty 12 (its own WebSocket
 * API) and Tomcat 11 (Jakarta WebSocket). Libraries alternate round by round, each round
 * on a fresh server; per round: deliveries per second at saturation, then percentiles at
 * a steady 50,000 deliveries a second, and the threads the server runs.
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.pusherspring.benchmarks.local.WebSocketLibraryComparison [subscribers] [seconds] [rounds] [libraries]}
 */
public final class WebSocketLibraryComparison {

	private WebSocketLibraryComparison() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		double seconds = (args.length > 1) ? Double.parseDouble(args[1]) : 5;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		List<String> libraries = (args.length > 3) ? List.of(args[3].split(","))
				: List.of("Netty", "Jetty 12", "Tomcat 11");
		Map<String, List<Result>> saturated = new LinkedHashMap<>();
		Map<String, List<Result>> paced = new LinkedHashMap<>();
		Map<String, List<Result>> threadCounts = new LinkedHashMap<>();
		Latencies latencies = new Latencies(20_000_000);
		System.out.println("Load average before: " + FanOut.loadAverage());
		for (int round = 0; round <= rounds; round++) {
			for (String library : libraries) {
				Set<Thread> before = Thread.getAllStackTraces().keySet();
				try (BroadcastServer server = switch (library) {
					case "Netty" -> new NettyBroadcastServer(threads);
					case "Jetty 12" -> new JettyBroadcastServer(threads);
					default -> new TomcatBroadcastServer();
				}; FanOutClients clients = FanOutClients.connect(server.uri(), subscribers, null, null, latencies)) {
					// the server's threads: those started since, less the clients' one
					long running = Thread.getAllStackTraces()
						.keySet()
						.stream()
						.filter((thread) -> thread.isAlive() && !before.contains(thread))
						.count() - 1;
					Result fast = FanOut.saturate(server::broadcast, clients, subscribers, latencies, seconds);
					Result steady = FanOut.pace(server::broadcast, clients, subscribers, latencies, seconds,
							LocalServerFanOut.TARGET_DELIVERIES_PER_SECOND);
					if (round == 0) {
						System.out.println("warm-up " + library + ": " + fast);
						continue;
					}
					saturated.computeIfAbsent(library, (key) -> new ArrayList<>()).add(fast);
					paced.computeIfAbsent(library, (key) -> new ArrayList<>()).add(steady);
					// the thread count rides in a Result's first field, so one median
					// serves all
					threadCounts.computeIfAbsent(library, (key) -> new ArrayList<>()).add(new Result(running, 0, 0));
					System.out.println("round " + round + " " + library + ": saturated " + fast + "; at 50,000/s "
							+ steady + "; threads " + running + " (load " + FanOut.loadAverage() + ")");
				}
			}
		}
		System.out.println();
		System.out.println("| library | saturated deliveries/s (median) | ratio to " + libraries.get(0)
				+ " | p99 at 50,000/s | threads |");
		System.out.println("|---|---|---|---|---|");
		double baseline = medianOf(saturated.get(libraries.get(0)), Result::deliveriesPerSecond);
		for (String library : libraries) {
			double rate = medianOf(saturated.get(library), Result::deliveriesPerSecond);
			System.out.printf("| %s | %,.0f | %.2f | %.2f ms | %.0f |%n", library, rate, rate / baseline,
					medianOf(paced.get(library), Result::p99Millis),
					medianOf(threadCounts.get(library), Result::deliveriesPerSecond));
		}
		System.out.println("Load average after: " + FanOut.loadAverage());
	}

	private static double medianOf(List<Result> results, ToDoubleFunction<Result> value) {
		double[] sorted = results.stream().mapToDouble(value).sorted().toArray();
		return (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
	}

}
