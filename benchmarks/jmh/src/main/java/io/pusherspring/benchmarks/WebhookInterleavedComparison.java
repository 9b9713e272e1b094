package io.pusherspring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

/**
 * The three webhook verifications of {@link WebhookVerificationBenchmark}, measured in
 * short alternating rounds in one thread, by that thread's CPU time: the time the thread
 * waits for a core on a loaded machine is not counted, and drift falls on all variants
 * alike. Reports deliveries per CPU-second and each variant's ratio to the bare
 * {@code Mac}: the median of the per-round ratios and their interquartile range.
 * <p>
 * {@code benchmarks/run webhook [rounds] [warm-up rounds]}
 */
public final class WebhookInterleavedComparison {

	private static final long ROUND_CPU_NANOS = 20_000_000L;

	private static final int[] SIZES = { 1024, 102400 };

	private static final String[] NAMES = { "bare `Mac`", "`HmacSigner.verify`", "`PusherWebhookFilter`" };

	private static final String[] FIGURES = { "bare-mac", "hmac-signer", "filter" };

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	private WebhookInterleavedComparison() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("webhook", args, WebhookInterleavedComparison::run);
	}

	static Report run(BenchmarkRun run) {
		int rounds = run.integer(0, "rounds", 400, 4);
		int warmUp = run.integer(1, "warm-up rounds", 100, 2);
		Report report = new Report("Verifying webhooks", """
				One signed delivery of 1KB and one of 100KB, shaped like Pusher's (client events), verified \
				three ways: a bare `javax.crypto.Mac` over the body compared with `MessageDigest.isEqual` to \
				the signature already decoded (the fastest hand-written check, the baseline); \
				`HmacSigner.verify`, the filter's signature check (hex decoding and constant-time comparison \
				included); and the whole `PusherWebhookFilter` (method, size, key, signature, JSON read into \
				typed events, age). The variants take turns in rounds of about 20 ms of CPU each, in an order \
				that rotates from round to round, timed by the CPU time of the verifying thread, so that time \
				spent waiting for a core does not count; each ratio is the median of the per-round ratios of \
				deliveries per CPU-second to the bare `Mac`'s, with the interquartile range in brackets.""");
		Report.Table table = report.table("Deliveries verified per CPU-second, ratio to a bare `Mac` in the same round",
				"body", NAMES[0], NAMES[1] + ", ratio", NAMES[2] + ", ratio", NAMES[2] + ", per CPU-second");
		for (int size : SIZES) {
			WebhookDelivery delivery = new WebhookDelivery(size);
			BooleanSupplier[] variants = { delivery::bareMac, delivery::hmacSigner, () -> delivery.filter() != null };
			int[] operations = new int[variants.length];
			Arrays.fill(operations, 16);
			double[][] rates = new double[variants.length][rounds];
			for (int round = -warmUp; round < rounds; round++) {
				for (int i = 0; i < variants.length; i++) {
					int variant = Math.floorMod(round + i, variants.length);
					long cpu = measure(variants[variant], operations[variant]);
					double rate = operations[variant] * 1e9 / Math.max(cpu, 1);
					// aim at ROUND_CPU_NANOS per variant and round
					operations[variant] = (int) Math.max(16, Math.min(1_000_000, rate * ROUND_CPU_NANOS / 1e9));
					if (round >= 0) {
						rates[variant][round] = rate;
					}
				}
			}
			String body = (size / 1024) + "KB";
			Summary[] ratios = new Summary[variants.length];
			for (int variant = 0; variant < variants.length; variant++) {
				double[] perRound = new double[rounds];
				for (int round = 0; round < rounds; round++) {
					perRound[round] = rates[variant][round] / rates[0][round];
				}
				ratios[variant] = Summary.of(perRound);
				System.out.printf(Locale.ROOT, "%s body: %-22s %10.0f per CPU-second, ratio to bare Mac %s%n", body,
						NAMES[variant], Summary.of(rates[variant]).median(), Format.ratio(ratios[variant]));
				if (variant > 0) {
					report.ratio(FIGURES[variant] + "-" + body.toLowerCase(Locale.ROOT), ratios[variant].median());
				}
			}
			table.row(body, Format.count(Summary.of(rates[0]).median()) + " per CPU-second", Format.ratio(ratios[1]),
					Format.ratio(ratios[2]), Format.count(Summary.of(rates[2]).median()));
		}
		report.note("""
				The filter's remaining time goes to reading the JSON into typed events, which the bare `Mac` \
				does not do.""");
		return report;
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

}
