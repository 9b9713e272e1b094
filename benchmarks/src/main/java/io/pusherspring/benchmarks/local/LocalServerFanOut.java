package io.pusherspring.benchmarks.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import io.pusherspring.benchmarks.local.FanOut.Result;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.LocalPusherServer;

/**
 * {@link LocalPusherServer}'s fan-out: 1,000 WebSocket clients (Netty, one thread, in
 * this process) subscribed to one public channel on loopback, and events triggered
 * through {@link PusherTemplate} and the server's HTTP API. Each round measures
 * deliveries per second at saturation, then trigger-to-receive percentiles at a steady
 * 50,000 deliveries a second (50 triggers a second).
 * <p>
 * {@code java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
 * io.pusherspring.benchmarks.local.LocalServerFanOut [subscribers] [seconds] [rounds]}
 */
public final class LocalServerFanOut {

	static final int TARGET_DELIVERIES_PER_SECOND = 50_000;

	private LocalServerFanOut() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		double seconds = (args.length > 1) ? Double.parseDouble(args[1]) : 10;
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 5;
		Latencies latencies = new Latencies(20_000_000);
		LocalPusherServer server = new LocalPusherServer().start();
		System.out.println("Load average before: " + FanOut.loadAverage());
		try (HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials(server.getAppId(), server.getKey(), server.getSecret()), server.getEndpoint(),
				HttpPusherTransport.Settings.DEFAULTS);
				FanOutClients clients = FanOutClients.connect(URI.create(server.getWebSocketUrl() + "?protocol=7"),
						subscribers, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"fanout\"}}",
						"subscription_succeeded", latencies)) {
			PusherTemplate template = PusherTemplate.builder(transport).build();
			FanOut.Publisher publisher = (data) -> template.trigger("fanout", "tick", data);
			System.out.println(subscribers + " subscribers connected: " + server.connectionCount());
			FanOut.saturate(publisher, clients, subscribers, latencies, seconds);
			List<Result> saturated = new ArrayList<>();
			List<Result> paced = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				Result fast = FanOut.saturate(publisher, clients, subscribers, latencies, seconds);
				Result steady = FanOut.pace(publisher, clients, subscribers, latencies, seconds,
						TARGET_DELIVERIES_PER_SECOND);
				saturated.add(fast);
				paced.add(steady);
				System.out.println("round " + round + ": saturated " + fast + "; at " + TARGET_DELIVERIES_PER_SECOND
						+ "/s " + steady + " (load " + FanOut.loadAverage() + ")");
			}
			System.out
				.println("median: saturated " + median(saturated, Result::deliveriesPerSecond) + " deliveries/s (p99 "
						+ median(saturated, Result::p99Millis) + " ms); at " + TARGET_DELIVERIES_PER_SECOND + "/s "
						+ median(paced, Result::deliveriesPerSecond) + " deliveries/s, p50 "
						+ median(paced, Result::p50Millis) + " ms, p99 " + median(paced, Result::p99Millis) + " ms");
		}
		finally {
			server.stop();
		}
		System.out.println("Load average after: " + FanOut.loadAverage());
	}

	static String median(List<Result> results, ToDoubleFunction<Result> value) {
		double[] sorted = results.stream().mapToDouble(value).sorted().toArray();
		double median = (sorted.length % 2 == 1) ? sorted[sorted.length / 2]
				: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
		return (median >= 100) ? String.format("%,.0f", median) : String.format("%.2f", median);
	}

}
