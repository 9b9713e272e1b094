package io.pusherspring.benchmarks.local;

import java.util.concurrent.locks.LockSupport;

/**
 * One measurement of fan-out: a sender publishes messages that every client receives,
 * first as fast as the clients keep up (at most {@link #WINDOW} messages ahead of the
 * deliveries), then paced at a target delivery rate; deliveries per second and
 * send-to-receive percentiles for each. After each phase every message sent must reach
 * every client: a lost delivery fails the run.
 */
final class FanOut {

	/** How many messages the sender may be ahead of the deliveries. */
	static final int WINDOW = 16;

	private FanOut() {
	}

	/**
	 * Publish as fast as delivery keeps up.
	 * @return deliveries per second during the phase, and the delays
	 */
	static Result saturate(Publisher publisher, FanOutClients clients, double seconds) throws Exception {
		clients.latencies().clear();
		int subscribers = clients.size();
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
		long elapsed = System.nanoTime() - start;
		long delivered = clients.received() - startReceived;
		Result result = new Result(delivered * 1e9 / elapsed, clients.latencies().percentileMillis(50),
				clients.latencies().percentileMillis(99));
		clients.awaitReceived(startReceived + sent * subscribers);
		return result;
	}

	/**
	 * Publish at a steady rate.
	 * @param deliveriesPerSecond the target, divided among the subscribers
	 * @return deliveries per second (all that was sent, over the time from the first send
	 * to the last delivery: a sender or clients that fall behind show as a lower rate),
	 * and the delays
	 */
	static Result pace(Publisher publisher, FanOutClients clients, double seconds, int deliveriesPerSecond)
			throws Exception {
		clients.latencies().clear();
		int subscribers = clients.size();
		long interval = (long) (1e9 * subscribers / deliveriesPerSecond);
		long startReceived = clients.received();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		long next = start;
		long sent = 0;
		while (next < end) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue;
			}
			publisher.publish(payload());
			sent++;
			next += interval;
		}
		long lastDelivery = clients.awaitReceived(startReceived + sent * subscribers);
		double elapsed = Math.max(end, lastDelivery) - start;
		return new Result(sent * subscribers * 1e9 / elapsed, clients.latencies().percentileMillis(50),
				clients.latencies().percentileMillis(99));
	}

	private static String payload() {
		return "@@" + System.nanoTime() + "@@";
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
	 * @param p50Millis median send-to-receive delay
	 * @param p99Millis 99th percentile send-to-receive delay
	 */
	record Result(double deliveriesPerSecond, double p50Millis, double p99Millis) {

		@Override
		public String toString() {
			return String.format("%,.0f deliveries/s, p50 %.2f ms, p99 %.2f ms", this.deliveriesPerSecond,
					this.p50Millis, this.p99Millis);
		}

	}

}
