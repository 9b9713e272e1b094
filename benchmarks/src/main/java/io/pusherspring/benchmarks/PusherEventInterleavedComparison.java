package io.pusherspring.benchmarks;

import java.util.List;
import java.util.function.Supplier;

import io.pusherspring.benchmarks.PusherEventBenchmark.AnnotatedContentService;
import io.pusherspring.benchmarks.PusherEventBenchmark.GeneratedContent;
import io.pusherspring.benchmarks.PusherEventBenchmark.HandWrittenContentService;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@link PusherEventBenchmark}'s variants measured in alternating rounds in one process,
 * so that drift of a shared machine falls on all alike; the order within a round rotates
 * too.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.pusherspring.benchmarks.PusherEventInterleavedComparison [rounds]}
 */
public final class PusherEventInterleavedComparison {

	private static final int CALLS_PER_ROUND = 200_000;

	private static final int WARMUP_ROUNDS = 20;

	private static volatile Object sink;

	private PusherEventInterleavedComparison() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		try (AnnotationConfigApplicationContext context = PusherEventBenchmark.startContext()) {
			AnnotatedContentService annotated = context.getBean(AnnotatedContentService.class);
			HandWrittenContentService handWritten = context.getBean(HandWrittenContentService.class);
			List<Supplier<GeneratedContent>> variants = List.of(() -> handWritten.generate("42", "lesson"),
					() -> annotated.generate("42", "lesson"), () -> annotated.generateChecked("42", "lesson"));
			double[] nanos = new double[variants.size()];
			for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
				for (int i = 0; i < variants.size(); i++) {
					int variant = (round + i) % variants.size();
					long elapsed = measure(variants.get(variant));
					if (round >= WARMUP_ROUNDS) {
						nanos[variant] += (double) elapsed / CALLS_PER_ROUND / rounds;
					}
				}
			}
			System.out.printf("%d rounds of %d calls after %d warm-up rounds%n", rounds, CALLS_PER_ROUND,
					WARMUP_ROUNDS);
			String[] labels = { "method + trigger by hand", "@PusherEvent, #{#userId}",
					"@PusherEvent, #{#result.userId} + condition" };
			for (int i = 0; i < labels.length; i++) {
				System.out.printf("%-44s %6.0f ns/call, %+5.0f ns (ratio %.2f)%n", labels[i], nanos[i],
						nanos[i] - nanos[0], nanos[i] / nanos[0]);
			}
		}
	}

	private static long measure(Supplier<GeneratedContent> variant) {
		long start = System.nanoTime();
		GeneratedContent last = null;
		for (int i = 0; i < CALLS_PER_ROUND; i++) {
			last = variant.get();
		}
		sink = last;
		return System.nanoTime() - start;
	}

}
