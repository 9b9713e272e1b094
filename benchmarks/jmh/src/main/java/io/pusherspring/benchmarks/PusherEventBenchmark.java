package io.pusherspring.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.event.PusherEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * What {@code @PusherEvent} adds to a call: the same service method, once annotated and
 * called through its Spring proxy, once calling {@link PusherOperations#trigger} by hand,
 * in an application set up by the starter's auto-configuration, over a transport that
 * answers at once without I/O. All serialize the same result with Jackson and run the
 * template's validation, so the difference is the proxy, the expression evaluation and
 * the dispatch. {@code annotated} uses a template over an argument
 * ({@code private-user-#{#userId}}); {@code annotatedWithExpressions} reads a property of
 * {@code #result} and checks a condition.
 * <p>
 * {@link PusherEventInterleavedComparison} measures the same calls in alternating rounds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PusherEventBenchmark {

	static final String CHANNEL = "private-user-42";

	static final JmhRun.Spec SPEC = new JmhRun.Spec("pusher-event-jmh", PusherEventBenchmark.class,
			"What `@PusherEvent` costs, with JMH", """
					`PusherEventBenchmark`: the same service method, once calling `PusherOperations.trigger` \
					by hand (`handWritten`, the baseline), once annotated with `@PusherEvent` and called \
					through its proxy, with a channel template over an argument (`annotated`) and with an \
					expression over `#result` and a `condition` (`annotatedWithExpressions`), in an \
					application set up by the starter's auto-configuration, over a transport that answers \
					at once without I/O. 3 JVMs, 5 warm-up and 5 measured iterations of 2 s each.""",
			"io\\.pusherspring\\.benchmarks\\.PusherEventBenchmark\\.",
			"io\\.pusherspring\\.benchmarks\\.PusherEventBenchmark\\.", Map.of(), "handWritten",
			List.of("handWritten", "annotated", "annotatedWithExpressions"), (params) -> "one caller", (params) -> "");

	/**
	 * Run the benchmark with JMH and store its report: {@code benchmarks/run
	 * pusher-event-jmh [JMH options]}.
	 * @param args {@code --smoke}, {@code --results DIR}, JMH options
	 * @throws Exception if a benchmark fails
	 */
	public static void main(String[] args) throws Exception {
		JmhRun.main(SPEC, args);
	}

	private ConfigurableApplicationContext context;

	private AnnotatedContentService annotated;

	private HandWrittenContentService handWritten;

	@Setup
	public void start() {
		this.context = startContext();
		this.annotated = this.context.getBean(AnnotatedContentService.class);
		this.handWritten = this.context.getBean(HandWrittenContentService.class);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public GeneratedContent annotated() {
		return this.annotated.generate("42", "lesson");
	}

	@Benchmark
	public GeneratedContent annotatedWithExpressions() {
		return this.annotated.generateChecked("42", "lesson");
	}

	@Benchmark
	public GeneratedContent handWritten() {
		return this.handWritten.generate("42", "lesson");
	}

	/**
	 * Start the application, and check that each variant publishes one event to
	 * {@value #CHANNEL} on each call, at once: what is measured is a publication.
	 * @return the application
	 */
	static ConfigurableApplicationContext startContext() {
		ConfigurableApplicationContext context = StarterContext.start(Services.class, Map.of());
		AnnotatedContentService annotated = context.getBean(AnnotatedContentService.class);
		HandWrittenContentService handWritten = context.getBean(HandWrittenContentService.class);
		AnsweringTransport transport = context.getBean(AnsweringTransport.class);
		if (!AopUtils.isAopProxy(annotated)) {
			context.close();
			throw new IllegalStateException("The annotated service is not proxied: @PusherEvent is not applied");
		}
		expectOnePublication(context, transport, () -> annotated.generate("42", "lesson"));
		expectOnePublication(context, transport, () -> annotated.generateChecked("42", "lesson"));
		expectOnePublication(context, transport, () -> handWritten.generate("42", "lesson"));
		return context;
	}

	private static void expectOnePublication(ConfigurableApplicationContext context, AnsweringTransport transport,
			Runnable call) {
		long before = transport.requests();
		call.run();
		String body = transport.lastBody();
		if (transport.requests() != before + 1 || body == null || !body.contains("\"" + CHANNEL + "\"")) {
			context.close();
			throw new IllegalStateException("Expected one trigger on " + CHANNEL + " but the transport saw "
					+ (transport.requests() - before) + " requests, the last with body " + body);
		}
	}

	/**
	 * What the service returns and both variants publish.
	 *
	 * @param contentId the content's id
	 * @param userId the user it was generated for
	 * @param contentType lesson, quiz, ...
	 * @param title its title
	 */
	public record GeneratedContent(String contentId, String userId, String contentType, String title) {

	}

	/**
	 * Publishes with {@code @PusherEvent}.
	 */
	public static class AnnotatedContentService {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public GeneratedContent generate(String userId, String contentType) {
			return new GeneratedContent("c-8f14e45f", userId, contentType, "Photosynthesis, part 2");
		}

		@PusherEvent(channels = "private-user-#{#result.userId}", event = "content.generated",
				condition = "#result.contentType != 'draft'")
		public GeneratedContent generateChecked(String userId, String contentType) {
			return new GeneratedContent("c-8f14e45f", userId, contentType, "Photosynthesis, part 2");
		}

	}

	/**
	 * Publishes by hand.
	 */
	public static class HandWrittenContentService {

		private final PusherOperations pusher;

		HandWrittenContentService(PusherOperations pusher) {
			this.pusher = pusher;
		}

		public GeneratedContent generate(String userId, String contentType) {
			GeneratedContent content = new GeneratedContent("c-8f14e45f", userId, contentType,
					"Photosynthesis, part 2");
			this.pusher.trigger("private-user-" + userId, "content.generated", content);
			return content;
		}

	}

	/**
	 * Answers 200 at once, without I/O; counts the requests and keeps the last body.
	 */
	static final class AnsweringTransport implements PusherTransport {

		private static final PusherResponse OK = new PusherResponse(200, "{}");

		private final LongAdder requests = new LongAdder();

		private final AtomicReference<String> lastBody = new AtomicReference<>();

		@Override
		public PusherResponse exchange(PusherRequest request) {
			this.requests.increment();
			this.lastBody.lazySet(request.body());
			return OK;
		}

		@Override
		public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
			return CompletableFuture.completedFuture(exchange(request));
		}

		long requests() {
			return this.requests.sum();
		}

		String lastBody() {
			return this.lastBody.get();
		}

	}

	/**
	 * The application: the starter's auto-configuration, the transport above in place of
	 * the HTTP one, and both services.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Services {

		@Bean
		AnsweringTransport answeringTransport() {
			return new AnsweringTransport();
		}

		@Bean
		AnnotatedContentService annotatedContentService() {
			return new AnnotatedContentService();
		}

		@Bean
		HandWrittenContentService handWrittenContentService(PusherOperations pusher) {
			return new HandWrittenContentService(pusher);
		}

	}

}
