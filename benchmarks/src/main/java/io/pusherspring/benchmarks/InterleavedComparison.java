package io.pusherspring.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;

/**
 * One caller, server answering at once: raw {@code Pusher.trigger},
 * {@code PusherTemplate.trigger} and {@code PusherTemplate.triggerAsync} awaited at once,
 * measured in alternating rounds in one process, so that drift of a shared machine (load,
 * frequency, JIT) falls on all alike. JMH measures one benchmark after the other, and on
 * a 2-core machine shared by client and server the drift between them is as large as the
 * difference being measured.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.pusherspring.benchmarks.InterleavedComparison [rounds]}
 */
public final class InterleavedComparison {

	private static final int CALLS_PER_ROUND = 5000;

	private static final int WARMUP_ROUNDS = 10;

	private InterleavedComparison() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 40;
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("contentId", "c-8f14e45f");
		data.put("contentType", "lesson");
		data.put("title", "Photosynthesis, part 2");
		data.put("progress", 42);
		data.put("tags", List.of("biology", "plants"));
		try (StubPusherApi server = new StubPusherApi(0);
				HttpPusherTransport transport = new HttpPusherTransport(
						new PusherCredentials(TriggerBenchmark.APP_ID, TriggerBenchmark.KEY, TriggerBenchmark.SECRET),
						URI.create("http://127.0.0.1:" + server.getPort()), HttpPusherTransport.Settings.DEFAULTS);
				Pusher raw = new Pusher(TriggerBenchmark.APP_ID, TriggerBenchmark.KEY, TriggerBenchmark.SECRET)) {
			raw.setHost("127.0.0.1:" + server.getPort());
			raw.setEncrypted(false);
			PusherTemplate template = PusherTemplate.builder(transport).build();
			double rawMicros = 0;
			double templateMicros = 0;
			double asyncMicros = 0;
			for (int round = 0; round < WARMUP_ROUNDS + rounds; round++) {
				long start = System.nanoTime();
				for (int i = 0; i < CALLS_PER_ROUND; i++) {
					Result result = raw.trigger(TriggerBenchmark.CHANNEL, TriggerBenchmark.EVENT, data);
					if (result.getStatus() != Result.Status.SUCCESS) {
						throw new IllegalStateException("Raw trigger failed: " + result.getStatus());
					}
				}
				long middle = System.nanoTime();
				for (int i = 0; i < CALLS_PER_ROUND; i++) {
					template.trigger(TriggerBenchmark.CHANNEL, TriggerBenchmark.EVENT, data);
				}
				long end = System.nanoTime();
				for (int i = 0; i < CALLS_PER_ROUND; i++) {
					template.triggerAsync(PusherMessage.of(TriggerBenchmark.CHANNEL, TriggerBenchmark.EVENT, data))
						.join();
				}
				long async = System.nanoTime();
				if (round >= WARMUP_ROUNDS) {
					rawMicros += (middle - start) / 1e3 / CALLS_PER_ROUND;
					templateMicros += (end - middle) / 1e3 / CALLS_PER_ROUND;
					asyncMicros += (async - end) / 1e3 / CALLS_PER_ROUND;
				}
			}
			System.out.printf("%d rounds of %d calls after %d warm-up rounds%n", rounds, CALLS_PER_ROUND,
					WARMUP_ROUNDS);
			System.out.printf("raw Pusher.trigger       %8.1f us/event %10.0f events/s%n", rawMicros / rounds,
					1e6 * rounds / rawMicros);
			System.out.printf("PusherTemplate.trigger   %8.1f us/event %10.0f events/s%n", templateMicros / rounds,
					1e6 * rounds / templateMicros);
			System.out.printf("PusherTemplate.triggerAsync %5.1f us/event %10.0f events/s%n", asyncMicros / rounds,
					1e6 * rounds / asyncMicros);
			System.out.printf("template / raw throughput: %.2f%n", rawMicros / templateMicros);
			System.out.printf("template async / raw throughput: %.2f%n", rawMicros / asyncMicros);
		}
	}

}
