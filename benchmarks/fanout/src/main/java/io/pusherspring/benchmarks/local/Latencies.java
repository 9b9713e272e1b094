package io.pusherspring.benchmarks.local;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delays recorded in a fixed array, up to its size; percentiles by sorting a copy.
 */
final class Latencies {

	private final long[] nanos;

	private final AtomicInteger count = new AtomicInteger();

	Latencies(int capacity) {
		this.nanos = new long[capacity];
	}

	void record(long delayNanos) {
		int index = this.count.getAndIncrement();
		if (index < this.nanos.length) {
			this.nanos[index] = delayNanos;
		}
	}

	void clear() {
		this.count.set(0);
	}

	/**
	 * A percentile of what was recorded since the last clear.
	 * @param percentile such as 99
	 * @return the delay in milliseconds
	 */
	double percentileMillis(double percentile) {
		int size = Math.min(this.count.get(), this.nanos.length);
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(this.nanos, size);
		Arrays.sort(sorted);
		int index = (int) Math.min(size - 1, Math.ceil(percentile / 100 * size) - 1);
		return sorted[Math.max(0, index)] / 1_000_000.0;
	}

}
