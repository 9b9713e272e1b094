package io.pusherspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Webhook deliveries verified per second, for bodies of 1KB and 100KB: a bare
 * {@code javax.crypto.Mac} over the body ({@link #bareMac}), the library's signature
 * check ({@link #hmacSigner}) and the whole {@code PusherWebhookFilter}, JSON included
 * ({@link #filter}). See {@link WebhookDelivery}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class WebhookVerificationBenchmark {

	static final JmhRun.Spec SPEC = new JmhRun.Spec("webhook-jmh", WebhookVerificationBenchmark.class,
			"Verifying webhooks, with JMH", """
					`WebhookVerificationBenchmark`: one signed delivery of 1KB and one of 100KB, shaped like \
					Pusher's, verified by a bare `javax.crypto.Mac` (`bareMac`, the baseline), by the \
					filter's signature check `HmacSigner.verify` (`hmacSigner`) and by the whole \
					`PusherWebhookFilter` (`filter`). 2 JVMs, 5 warm-up and 5 measured iterations of 2 s \
					each.""", "io\\.pusherspring\\.benchmarks\\.WebhookVerificationBenchmark\\.",
			"io\\.pusherspring\\.benchmarks\\.WebhookVerificationBenchmark\\.", Map.of("bodyBytes", "1024"), "bareMac",
			List.of("bareMac", "hmacSigner", "filter"),
			(params) -> (Integer.parseInt(params.getParam("bodyBytes")) / 1024) + "KB body",
			(params) -> "-" + (Integer.parseInt(params.getParam("bodyBytes")) / 1024) + "kb");

	/**
	 * Run the benchmark with JMH and store its report: {@code benchmarks/run webhook-jmh
	 * [JMH options]}.
	 * @param args {@code --smoke}, {@code --results DIR}, JMH options
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		JmhRun.main(SPEC, args);
	}

	/** Size of the webhook body in bytes. */
	@Param({ "1024", "102400" })
	public int bodyBytes;

	private WebhookDelivery delivery;

	@Setup
	public void setUp() {
		this.delivery = new WebhookDelivery(this.bodyBytes);
	}

	@Benchmark
	public boolean bareMac() {
		return this.delivery.bareMac();
	}

	@Benchmark
	public boolean hmacSigner() {
		return this.delivery.hmacSigner();
	}

	@Benchmark
	public Object filter() {
		return this.delivery.filter();
	}

}
