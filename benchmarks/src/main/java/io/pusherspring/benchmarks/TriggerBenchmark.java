package io.pusherspring.benchmarks;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTemplate;
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
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events per second triggered on one channel through {@link PusherTemplate} (over the
 * real {@link HttpPusherTransport}) and through pusher-http-java's own {@link Pusher},
 * against the same {@link StubPusherApi}, with the same event data. The subclasses fix
 * the number of callers ({@link Trigger1Caller}, {@link Trigger8Callers}); the server
 * answers at once or after {@code delayMs}.
 * <p>
 * Every operation is one event that the server answered with 200: the template throws on
 * anything else, and the raw client's {@link Result} is checked.
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

	static final String APP_ID = "12345";

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	static final String CHANNEL = "private-class-42";

	static final String EVENT = "content.generated";

	/**
	 * The server and the clients, shared by all callers of one trial.
	 */
	@State(Scope.Benchmark)
	public static class Fixture {

		/** How long the server waits before answering, in milliseconds. */
		@Param({ "0", "20" })
		public long delayMs;

		StubPusherApi server;

		HttpPusherTransport transport;

		PusherTemplate template;

		Pusher pusher;

		/** The event data both clients serialize: Jackson for one, Gson for the other. */
		Map<String, Object> data;

		/** The body of one trigger, for the transport-only benchmark. */
		String triggerBody;

		@Setup(Level.Trial)
		public void start() throws Exception {
			this.server = new StubPusherApi(this.delayMs);
			URI endpoint = URI.create("http://127.0.0.1:" + this.server.getPort());
			this.transport = new HttpPusherTransport(new PusherCredentials(APP_ID, KEY, SECRET), endpoint,
					HttpPusherTransport.Settings.DEFAULTS);
			this.template = PusherTemplate.builder(this.transport).build();
			// pusher-http-java as its README sets it up: its default connection
			// manager (2 connections per route) and timeouts.
			this.pusher = new Pusher(APP_ID, KEY, SECRET);
			this.pusher.setHost("127.0.0.1:" + this.server.getPort());
			this.pusher.setEncrypted(false);
			this.data = new LinkedHashMap<>();
			this.data.put("contentId", "c-8f14e45f");
			this.data.put("contentType", "lesson");
			this.data.put("title", "Photosynthesis, part 2");
			this.data.put("progress", 42);
			this.data.put("tags", List.of("biology", "plants"));
			this.triggerBody = JsonMapper.shared()
				.writeValueAsString(Map.of("name", EVENT, "channels", List.of(CHANNEL), "data",
						JsonMapper.shared().writeValueAsString(this.data)));
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			this.pusher.close();
			this.transport.close();
			System.out.println("Server: " + this.server.getAnswered() + " triggers answered over "
					+ this.server.describeConnections());
			this.server.close();
			if (this.server.getRejected() > 0 || this.server.getAnswered() == 0) {
				throw new IllegalStateException("The server answered " + this.server.getAnswered()
						+ " triggers and rejected " + this.server.getRejected() + " requests");
			}
		}

	}

	/**
	 * {@link PusherTemplate#trigger(String, String, Object)}: validation, Jackson, retry
	 * loop, signing, pooled HttpClient 5 classic client, response parsing.
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public TriggerResult templateSync(Fixture fixture) {
		return fixture.template.trigger(CHANNEL, EVENT, fixture.data);
	}

	/**
	 * {@link PusherTemplate#triggerAsync(PusherMessage)} awaited at once: each caller has
	 * one request in flight (closed loop), over Apache HttpClient 5's non-blocking
	 * client.
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public TriggerResult templateAsync(Fixture fixture) {
		return fixture.template.triggerAsync(PusherMessage.of(CHANNEL, EVENT, fixture.data)).join();
	}

	/**
	 * {@link PusherTemplate#triggerAsync(PusherMessage)} with {@value #IN_FLIGHT}
	 * requests in flight per caller: start them all, then await them all. Scored per
	 * event.
	 * @param fixture the server and clients
	 * @param blackhole sink for the results
	 */
	@Benchmark
	@OperationsPerInvocation(IN_FLIGHT)
	public void templateAsyncInFlight(Fixture fixture, Blackhole blackhole) {
		@SuppressWarnings("unchecked")
		CompletableFuture<TriggerResult>[] calls = new CompletableFuture[IN_FLIGHT];
		for (int i = 0; i < IN_FLIGHT; i++) {
			calls[i] = fixture.template.triggerAsync(PusherMessage.of(CHANNEL, EVENT, fixture.data));
		}
		for (CompletableFuture<TriggerResult> call : calls) {
			blackhole.consume(call.join());
		}
	}

	/**
	 * pusher-http-java's {@link Pusher#trigger(String, String, Object)} with its default
	 * settings: Gson, its own signing, HttpClient 4 with 2 connections per route.
	 * @param fixture the server and clients
	 * @return the result
	 */
	@Benchmark
	public Result rawPusher(Fixture fixture) {
		Result result = fixture.pusher.trigger(CHANNEL, EVENT, fixture.data);
		if (result.getStatus() != Result.Status.SUCCESS) {
			throw new IllegalStateException("Trigger failed: " + result.getStatus() + " " + result.getMessage());
		}
		return result;
	}

	/**
	 * Diagnostic: {@link HttpPusherTransport#exchange(PusherRequest)} alone with a body
	 * serialized once, that is the template's sync path without validation,
	 * serialization, retries and response parsing.
	 * @param fixture the server and clients
	 * @return the response
	 */
	@Benchmark
	public PusherResponse transportSync(Fixture fixture) {
		PusherResponse response = fixture.transport.exchange(PusherRequest.post("/events", fixture.triggerBody));
		if (!response.isSuccessful()) {
			throw new IllegalStateException("Trigger failed: " + response.statusCode());
		}
		return response;
	}

}
