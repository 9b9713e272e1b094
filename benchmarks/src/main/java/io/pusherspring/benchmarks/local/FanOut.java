package io.pusherspring.benchmarks.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

/**
 * One measurement of fan-out: a sender publishes messages that every client receives,
 * first as fast as the clients keep up (at most {@link #WINDOW} messages ahead of the
 * slowest delivery count), then paced at a target delivery rate; deliveries per second
 * and trigger-to-receive percentiles for each.
 */
final class FanOut {

	/** How many messages the sender may be ahead of the deliveries. */
	static final int WINDOW = 16;

	private FanOut() {
	}

	/**
	 * Publish as fast as delivery keeps up.
	 */
	static Result saturate(Publisher publisher, FanOutClients clients, int subscribers, Latencies latencies,
			double seconds) throws Exception {
		latencies.clear();
		long startReceived = clients.received();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long sent = 0;
		while (System.nanoTime() < end) {
			if ((sent * subscribers) - (clients.received() - startReceived) > (long) WINDOW * subscribers) {
				LockSupport.parkNanos(50_000);
				continue;
			}
			publisher.publish(payload());
			sent++;
		}
		return result(clients, startReceived, start, latencies);
	}

	/**
	 * Publish at a steady rate.
	 * @param deliveriesPerSecond the target, divided among the subscribers
	 */
	static Result pace(Publisher publisher, FanOutClients clients, int subscribers, Latencies latencies, double seconds,
			int deliveriesPerSecond) throws Exception {
		latencies.clear();
		long interval = (long) (1e9 * subscribers / deliveriesPerSecond);
		long startReceived = clients.received();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long next = start;
		while (next < end) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue;
			}
			publisher.publish(payload());
			next += interval;
		}
		long published = System.nanoTime();
		// wait for the last messages' deliveries, and count them as if they came in time:
		// the rate is that of publishing, and a shortfall shows as a lower one
		Thread.sleep(200);
		return result(clients, startReceived, start, published, latencies);
	}

	private static Result result(FanOutClients clients, long startReceived, long start, Latencies latencies) {
		return result(clients, startReceived, start, System.nanoTime(), latencies);
	}

	private static Result result(FanOutClients clients, long startReceived, long start, long end, Latencies latencies) {
		double elapsed = (end - start) / 1e9;
		long delivered = clients.received() - startReceived;
		return new Result(delivered / elapsed, latencies.percentileMillis(50), latencies.percentileMillis(99));
	}

	private static String payload() {
		return "@@" + System.nanoTime() + "@@";
	}

	/**
	 * The 1, 5 and 15 minute load averages.
	 */
	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Sends one message to every subscriber.
	 */
	@FunctionalInterface
	interface Publisher {

		void publish(String data) throws Exception;

	}

	/**
	 * What one phase measured.
	 *
	 * @param deliveriesPerSecond messages received per second, all clients together
	 * @param p50Millis median trigger-to-receive delay
	 * @param p99Millis 99th percentile trigger-to-receive delay
	 */
	record Result(double deliveriesPerSecond, double p50Millis, double p99Millis) {

		@Override
		public String toString() {
			return String.format("%,.0f deliveries/s, p50 %.2f ms, p99 %.2f ms", this.deliveriesPerSecond,
					this.p50Millis, this.p99Millis);
		}

	}

}
