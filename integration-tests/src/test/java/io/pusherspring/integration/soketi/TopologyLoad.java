package io.pusherspring.integration.soketi;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.conformance.ServerEnvironment;
import io.pusherspring.integration.soketi.LoadSubscriber.Latencies;

/**
 * A bounded load on a {@link Topology}: both instances publish, each through its own node
 * and at a fixed rate, to public channels that clients on both nodes subscribe to. Every
 * event carries the moment it was published; every client notes when it arrived. The
 * result counts what was published, delivered, lost and duplicated, and the latency from
 * publishing to receipt, for clients on the publisher's node and on the other one.
 */
final class TopologyLoad {

	private static final Duration QUIET = Duration.ofSeconds(15);

	private static final AtomicInteger runs = new AtomicInteger();

	private TopologyLoad() {
	}

	/**
	 * Run the load.
	 * @param topology the running topology
	 * @param settings how much load
	 * @return what happened
	 */
	static Result run(Topology topology, Settings settings) throws InterruptedException {
		String prefix = "load-" + runs.incrementAndGet() + "-";
		List<String> channels = new ArrayList<>();
		for (int i = 0; i < settings.channels(); i++) {
			channels.add(prefix + i);
		}
		Latencies[] same = { new Latencies(), new Latencies() };
		Latencies[] other = { new Latencies(), new Latencies() };
		HttpClient http = HttpClient.newHttpClient();
		List<LoadSubscriber> subscribers = new ArrayList<>();
		// one thread per publishing instance (the common pool may have only one)
		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			for (int node = 0; node < 2; node++) {
				for (String channel : channels) {
					for (int i = 0; i < settings.subscribersPerNodeAndChannel(); i++) {
						subscribers.add(LoadSubscriber.subscribe(http, node, topology.node(node).getPort(),
								ServerEnvironment.KEY, List.of(channel), same[node], other[node]));
					}
				}
			}
			long start = System.nanoTime();
			List<CompletableFuture<Integer>> publishers = new ArrayList<>();
			for (int instance = 0; instance < 2; instance++) {
				int publisher = instance;
				publishers.add(CompletableFuture.supplyAsync(
						() -> publish(topology.operations(publisher), publisher, channels, settings), executor));
			}
			int published = 0;
			for (CompletableFuture<Integer> publisher : publishers) {
				published += publisher.join();
			}
			Duration publishing = Duration.ofNanos(System.nanoTime() - start);
			long expected = (long) published * 2 * settings.subscribersPerNodeAndChannel();
			awaitDeliveries(subscribers, expected);
			long delivered = subscribers.stream().mapToLong(LoadSubscriber::distinct).sum();
			long total = subscribers.stream().mapToLong(LoadSubscriber::total).sum();
			return new Result(settings, settings.eventsPerInstance() * 2, published, expected, delivered,
					expected - delivered, total - delivered, publishing, Latencies.merged(same[0], same[1]),
					Latencies.merged(other[0], other[1]));
		}
		finally {
			subscribers.forEach(LoadSubscriber::close);
			executor.shutdownNow();
		}
	}

	private static int publish(PusherOperations operations, int instance, List<String> channels, Settings settings) {
		long interval = 1_000_000_000L / settings.ratePerInstance();
		long start = System.nanoTime();
		int published = 0;
		for (int i = 0; i < settings.eventsPerInstance(); i++) {
			long due = start + i * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", instance + "-" + i);
			data.put("node", instance);
			data.put("publishedAt", System.nanoTime());
			try {
				operations.trigger(channels.get(i % channels.size()), LoadSubscriber.EVENT, data);
				published++;
			}
			catch (RuntimeException ex) {
				// counted: published stays behind the events attempted
			}
		}
		return published;
	}

	/**
	 * Wait until every delivery arrived, or until nothing more arrives for a while.
	 */
	private static void awaitDeliveries(List<LoadSubscriber> subscribers, long expected) throws InterruptedException {
		long last = -1;
		long lastChange = System.nanoTime();
		while (true) {
			long delivered = subscribers.stream().mapToLong(LoadSubscriber::distinct).sum();
			if (delivered >= expected) {
				return;
			}
			if (delivered != last) {
				last = delivered;
				lastChange = System.nanoTime();
			}
			else if (System.nanoTime() - lastChange > QUIET.toNanos()) {
				return;
			}
			Thread.sleep(50);
		}
	}

	/**
	 * How much load.
	 *
	 * @param eventsPerInstance how many events each instance publishes
	 * @param ratePerInstance how many events per second each publishes
	 * @param channels how many channels the events are spread over
	 * @param subscribersPerNodeAndChannel how many clients of each node subscribe to each
	 * channel
	 */
	record Settings(int eventsPerInstance, int ratePerInstance, int channels, int subscribersPerNodeAndChannel) {

		/** Seconds long: in every build. */
		static Settings smoke() {
			return new Settings(100, 100, 2, 2);
		}

		/** A minute long: the stored figures. */
		static Settings full() {
			return new Settings(6000, 100, 4, 5);
		}

		int connections() {
			return 2 * this.channels * this.subscribersPerNodeAndChannel;
		}

	}

	/**
	 * What a load run measured.
	 *
	 * @param settings the load
	 * @param attempted the events the instances tried to publish
	 * @param published the events the server accepted
	 * @param expected the deliveries the published events owe
	 * @param delivered the deliveries that arrived (each event once per client)
	 * @param lost the deliveries that never arrived
	 * @param duplicated the deliveries that arrived more than once, counted again
	 * @param publishing how long publishing took
	 * @param sameNode latencies to clients on the publisher's node
	 * @param otherNode latencies to clients on the other node
	 */
	record Result(Settings settings, int attempted, int published, long expected, long delivered, long lost,
			long duplicated, Duration publishing, Latencies sameNode, Latencies otherNode) {

		Latencies all() {
			return Latencies.merged(this.sameNode, this.otherNode);
		}

		/**
		 * The figures, as text.
		 * @return a few lines
		 */
		String describe() {
			Latencies all = all();
			return String.join(System.lineSeparator(),
					"load: " + this.settings.eventsPerInstance() + " events from each of 2 instances at "
							+ this.settings.ratePerInstance() + "/s each, over " + this.settings.channels()
							+ " public channels; " + this.settings.connections() + " clients ("
							+ this.settings.subscribersPerNodeAndChannel() + " per channel on each node)",
					"events published: " + this.published + " of " + this.attempted + " (publishing took "
							+ millis(this.publishing) + " ms)",
					"deliveries expected: " + this.expected + ", delivered: " + this.delivered + ", lost: " + this.lost
							+ ", duplicated: " + this.duplicated,
					"publish to receipt: p50 " + millis(all.percentile(50)) + " ms, p99 " + millis(all.percentile(99))
							+ " ms (" + all.size() + " deliveries)",
					"  client on the publisher's node: p50 " + millis(this.sameNode.percentile(50)) + " ms, p99 "
							+ millis(this.sameNode.percentile(99)) + " ms",
					"  client on the other node:       p50 " + millis(this.otherNode.percentile(50)) + " ms, p99 "
							+ millis(this.otherNode.percentile(99)) + " ms",
					"  other node / publisher's node, p50: "
							+ ratio(this.otherNode.percentile(50), this.sameNode.percentile(50)));
		}

		static String millis(Duration duration) {
			return String.format(Locale.ROOT, "%.1f", duration.toNanos() / 1e6);
		}

		static String ratio(Duration value, Duration baseline) {
			return baseline.isZero() ? "n/a"
					: String.format(Locale.ROOT, "%.2f", (double) value.toNanos() / baseline.toNanos());
		}

	}

}
