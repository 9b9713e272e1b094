package io.pusherspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.TriggerResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Events per second triggered on one channel through the starter's
 * {@link PusherOperations} (over its real HTTP transport) and through pusher-http-java's
 * own {@link Pusher}, against the same {@link StubPusherApi}, with the same event data
 * (see {@link TriggerClients}). The subclasses fix the number of callers
 * ({@link Trigger1Caller}, {@link Trigger8Callers}); the server answers at once or after
 * {@code delayMs}.
 * <p>
 * The warm-up is long on purpose: on a shared 2-core machine the JIT needs about 30
 * seconds before the 0 ms mode stops speeding up, and every client is measured only once
 * its connection pool is warm. The 20 ms mode is bound by latency, not CPU, so the same
 * settings are more than enough for it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 4)
public abstract class TriggerBenchmark {

	/** Requests each caller keeps in flight in {@link #templateAsyncInFlight}. */
	public static final int IN_FLIGHT = 8;

	static final JmhRun.Spec SPEC = new JmhRun.Spec("trigger-jmh", TriggerBenchmark.class,
			"Triggering events, with JMH: PusherTemplate and pusher-http-java", """
					`TriggerBenchmark`: events triggered one at a time on one channel, against a local Jetty \
					server that stands in for the Pusher HTTP API and answers at once or after 20 ms, by 1 or \
					8 callers: through the starter's `PusherOperations` (`templateSync`, `templateAsync` \
					awaited at once, `templateAsyncInFlight` with 8 requests in flight per caller) and \
					through pusher-http-java's `Pusher.trigger` with its default settings (`rawPusher`, the \
					baseline). One JVM per trial, 6 warm-up iterations of 5 s and 5 measured iterations of \
					4 s.""",
			"io\\.pusherspring\\.benchmarks\\.Trigger(1Caller|8Callers)\\.(rawPusher|templateSync|templateAsync|templateAsyncInFlight)$",
			"io\\.pusherspring\\.benchmarks\\.Trigger1Caller\\.", Map.of("delayMs", "0"), "rawPusher",
			List.of("rawPusher", "templateSync", "templateAsync", "templateAsyncInFlight", "transportSync"),
			(params) -> params.getThreads() + ((params.getThreads() == 1) ? " caller" : " callers") + ", server "
					+ (params.getParam("delayMs").equals("0") ? "answers at once"
							: "answers after " + params.getParam("delayMs") + " ms"),
			(params) -> "-" + params.getThreads() + "-" + params.getParam("delayMs") + "ms");

	/**
	 * Run the benchmark with JMH and store its report: {@code benchmarks/run trigger-jmh
	 * [JMH options]}.
	 * @param args {@code --smoke}, {@code --results DIR}, JMH options
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		JmhRun.main(SPEC, args);
	}

	/**
	 * The server and the clients, shared by all callers of one trial.
	 */
	@State(Scope.Benchmark)
	public static class Fixture {

		/** How long the server waits before answering, in milliseconds. */
		@Param({ "0", "20" })
		public long delayMs;

		TriggerClients clients;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.clients = new TriggerClients(this.delayMs);
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			System.out.println("Server: " + this.clients.describe());
			this.clients.close();
		}

	}

	/**
	 * {@link PusherOperations#trigger(String, String, Object)}.
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public TriggerResult templateSync(Fixture fixture) {
		return fixture.clients.templateSync();
	}

	/**
	 * {@link PusherOperations#triggerAsync} awaited at once: each caller has one request
	 * in flight (closed loop).
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public TriggerResult templateAsync(Fixture fixture) {
		return fixture.clients.templateAsync();
	}

	/**
	 * {@link PusherOperations#triggerAsync} with {@value #IN_FLIGHT} requests in flight
	 * per caller: start them all, then await them all. Scored per event.
	 * @param fixture the server and clients
	 * @return the last result
	 */
	@Benchmark
	@OperationsPerInvocation(IN_FLIGHT)
	public TriggerResult templateAsyncInFlight(Fixture fixture) {
		return fixture.clients.templateAsyncInFlight(IN_FLIGHT);
	}

	/**
	 * pusher-http-java's {@link Pusher#trigger(String, String, Object)} with its default
	 * settings.
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public Result rawPusher(Fixture fixture) {
		return fixture.clients.rawPusher();
	}

	/**
	 * Diagnostic: the application's transport alone (see
	 * {@link TriggerClients#transportSync()}).
	 * @param fixture the server and clients
	 * @return the response
	 */
	@Benchmark
	public PusherResponse transportSync(Fixture fixture) {
		return fixture.clients.transportSync();
	}

}
