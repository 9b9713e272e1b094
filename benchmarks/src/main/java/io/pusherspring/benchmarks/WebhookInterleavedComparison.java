package io.pusherspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The three webhook verifications of {@link WebhookVerificationBenchmark}, measured in
 * short alternating rounds in one thread, by that thread's CPU time: the time the thread
 * waits for a core on a loaded machine is not counted, and drift falls on all variants
 * alike. Prints deliveries per CPU-second and each variant's ratio to the bare
 * {@code Mac}: the median of the per-round ratios and their interquartile range.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.pusherspring.benchmarks.WebhookInterleavedComparison [rounds]}
 */
public final class WebhookInterleavedComparison {

	private static final int WARMUP_ROUNDS = 100;

	private static final long ROUND_CPU_NANOS = 20_000_000L;

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private WebhookInterleavedComparison() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 400;
		for (int size : new int[] { 1024, 102400 }) {
			WebhookDelivery delivery = new WebhookDelivery(size);
			BooleanSupplier[] variants = { delivery::bareMac, delivery::hmacSigner, () -> delivery.filter() != null };
			String[] names = { "bare Mac", "HmacSigner.verify", "PusherWebhookFilter" };
			int[] operations = new int[variants.length];
			Arrays.fill(operations, 16);
			double[][] rates = new double[variants.length][rounds];
			for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
				for (int v = 0; v < variants.length; v++) {
					// rotate the order, so that no variant always runs first in a round
					int variant = (v + round) % variants.length;
					long cpu = measure(variants[variant], operations[variant]);
					double rate = operations[variant] * 1e9 / Math.max(cpu, 1);
					// aim at ROUND_CPU_NANOS per variant and round
					operations[variant] = (int) Math.max(16, Math.min(1_000_000, rate * ROUND_CPU_NANOS / 1e9));
					if (round >= WARMUP_ROUNDS) {
						rates[variant][round - WARMUP_ROUNDS] = rate;
					}
				}
			}
			System.out.printf("%d-byte body, %d rounds of about %d ms of CPU per variant, after %d warm-up rounds%n",
					size, rounds, ROUND_CPU_NANOS / 1_000_000, WARMUP_ROUNDS);
			for (int v = 0; v < variants.length; v++) {
				double[] ratios = new double[rounds];
				for (int r = 0; r < rounds; r++) {
					ratios[r] = rates[v][r] / rates[0][r];
				}
				Arrays.sort(ratios);
				System.out.printf(
						"  %-20s %10.0f per CPU-second   ratio to bare Mac %.3f (interquartile %.3f to %.3f)%n",
						names[v], median(rates[v]), ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4]);
			}
		}
	}

	private static long measure(BooleanSupplier variant, int operations) {
		long start = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < operations; i++) {
			if (!variant.getAsBoolean()) {
				throw new IllegalStateException("A delivery did not verify");
			}
		}
		return threads.getCurrentThreadCpuTime() - start;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
