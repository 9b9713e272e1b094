package io.pusherspring.benchmarks;

import io.pusherspring.benchmarks.PusherEventBenchmark.AnnotatedContentService;
import io.pusherspring.benchmarks.PusherEventBenchmark.GeneratedContent;
import io.pusherspring.benchmarks.PusherEventBenchmark.HandWrittenContentService;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@link PusherEventBenchmark}'s two variants measured in alternating rounds in one
 * process, so that drift of a shared machine falls on both alike; the order within a
 * round alternates too.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.pusherspring.benchmarks.PusherEventInterleavedComparison [rounds]}
 *
 * @author pusher-spring-boot
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
			double annotatedNanos = 0;
			double handWrittenNanos = 0;
			for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
				boolean annotatedFirst = round % 2 == 0;
				long first = annotatedFirst ? annotated(annotated) : handWritten(handWritten);
				long second = annotatedFirst ? handWritten(handWritten) : annotated(annotated);
				if (round >= WARMUP_ROUNDS) {
					annotatedNanos += (double) (annotatedFirst ? first : second) / CALLS_PER_ROUND;
					handWrittenNanos += (double) (annotatedFirst ? second : first) / CALLS_PER_ROUND;
				}
			}
			System.out.printf("%d rounds of %d calls after %d warm-up rounds%n", rounds, CALLS_PER_ROUND,
					WARMUP_ROUNDS);
			System.out.printf("@PusherEvent method          %8.0f ns/call%n", annotatedNanos / rounds);
			System.out.printf("method + trigger by hand     %8.0f ns/call%n", handWrittenNanos / rounds);
			System.out.printf("added by @PusherEvent        %8.0f ns/call (ratio %.2f)%n",
					(annotatedNanos - handWrittenNanos) / rounds, annotatedNanos / handWrittenNanos);
		}
	}

	private static long annotated(AnnotatedContentService service) {
		long start = System.nanoTime();
		GeneratedContent last = null;
		for (int i = 0; i < CALLS_PER_ROUND; i++) {
			last = service.generate("42", "lesson");
		}
		sink = last;
		return System.nanoTime() - start;
	}

	private static long handWritten(HandWrittenContentService service) {
		long start = System.nanoTime();
		GeneratedContent last = null;
		for (int i = 0; i < CALLS_PER_ROUND; i++) {
			last = service.generate("42", "lesson");
		}
		sink = last;
		return System.nanoTime() - start;
	}

}
