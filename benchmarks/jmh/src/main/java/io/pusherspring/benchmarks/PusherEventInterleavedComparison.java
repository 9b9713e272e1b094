package io.pusherspring.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import io.pusherspring.benchmarks.PusherEventBenchmark.AnnotatedContentService;
import io.pusherspring.benchmarks.PusherEventBenchmark.GeneratedContent;
import io.pusherspring.benchmarks.PusherEventBenchmark.HandWrittenContentService;
import io.pusherspring.benchmarks.support.BenchmarkRun;
import io.pusherspring.benchmarks.support.Format;
import io.pusherspring.benchmarks.support.Report;
import io.pusherspring.benchmarks.support.Summary;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@link PusherEventBenchmark}'s variants measured in alternating rounds in one process,
 * so that drift of a shared machine falls on all alike; the order within a round rotates
 * too. Reports each variant's time per call as a ratio to the hand-written trigger's in
 * the same round (median and interquartile range), and the difference in nanoseconds.
 * <p>
 * {@code benchmarks/run pusher-event [rounds] [calls per round]}
 */
public final class PusherEventInterleavedComparison {

	private static final String[] LABELS = { "method + `trigger` by hand", "`@PusherEvent`, `private-user-#{#userId}`",
			"`@PusherEvent`, `#{#result.userId}` and a `condition`" };

	private static final String[] FIGURES = { "hand-written", "annotated", "annotated-with-expressions" };

	private static volatile Object sink;

	private PusherEventInterleavedComparison() {
	}

	public static void main(String[] args) throws Exception {
		BenchmarkRun.main("pusher-event", args, PusherEventInterleavedComparison::run);
	}

	static Report run(BenchmarkRun run) {
		int rounds = run.integer(0, "rounds", 40, 1);
		int calls = run.integer(1, "calls per round", 200_000, 2_000);
		int warmUp = run.integer(2, "warm-up rounds", 20, 1);
		double[][] nanos = new double[LABELS.length][rounds];
		try (ConfigurableApplicationContext context = PusherEventBenchmark.startContext()) {
			AnnotatedContentService annotated = context.getBean(AnnotatedContentService.class);
			HandWrittenContentService handWritten = context.getBean(HandWrittenContentService.class);
			List<Supplier<GeneratedContent>> variants = List.of(() -> handWritten.generate("42", "lesson"),
					() -> annotated.generate("42", "lesson"), () -> annotated.generateChecked("42", "lesson"));
			for (int round = -warmUp; round < rounds; round++) {
				double[] measured = new double[variants.size()];
				for (int i = 0; i < variants.size(); i++) {
					int variant = Math.floorMod(round + i, variants.size());
					measured[variant] = (double) measure(variants.get(variant), calls) / calls;
				}
				System.out.printf(Locale.ROOT, "%s: %.0f, %.0f, %.0f ns per call%n", Format.round(round, warmUp),
						measured[0], measured[1], measured[2]);
				if (round >= 0) {
					for (int variant = 0; variant < variants.size(); variant++) {
						nanos[variant][round] = measured[variant];
					}
				}
			}
		}
		Report report = new Report("What `@PusherEvent` costs", """
				The same service method, once calling `PusherOperations.trigger` by hand and once annotated \
				with `@PusherEvent` and called through its proxy, in an application set up by the starter's \
				auto-configuration, over a transport that answers at once without I/O. Every variant \
				serializes the result with Jackson and runs the template's validation, so the difference is \
				the proxy, the expressions and the dispatch. The variants take turns in rounds of a fixed \
				number of calls, in an order that rotates from round to round, in one process; each ratio is \
				the median of the per-round ratios of time per call to the hand-written call's, with the \
				interquartile range in brackets.""");
		Report.Table table = report.table("Time per call, ratio to the hand-written trigger in the same round",
				"variant", "ns per call (median)", "added ns per call (median)", "ratio");
		for (int variant = 0; variant < LABELS.length; variant++) {
			double[] added = new double[rounds];
			double[] ratios = new double[rounds];
			for (int round = 0; round < rounds; round++) {
				added[round] = nanos[variant][round] - nanos[0][round];
				ratios[round] = nanos[variant][round] / nanos[0][round];
			}
			Summary ratio = Summary.of(ratios);
			table.row(LABELS[variant], Format.count(Summary.of(nanos[variant]).median()),
					(variant == 0) ? "" : String.format(Locale.ROOT, "%+,.0f", Summary.of(added).median()),
					Format.ratio(ratio));
			if (variant > 0) {
				report.ratio(FIGURES[variant], ratio.median());
				report.figure(FIGURES[variant] + "-added-ns",
						String.format(Locale.ROOT, "%.0f", Summary.of(added).median()));
			}
		}
		return report;
	}

	private static long measure(Supplier<GeneratedContent> variant, int calls) {
		long start = System.nanoTime();
		GeneratedContent last = null;
		for (int i = 0; i < calls; i++) {
			last = variant.get();
		}
		sink = last;
		return System.nanoTime() - start;
	}

}
