package io.pusherspring.benchmarks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.event.PusherEvent;
import io.pusherspring.event.PusherEventAnnotationBeanPostProcessor;
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
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code @PusherEvent} adds to a call: the same service method, once annotated and
 * called through its Spring proxy, once calling {@link PusherTemplate#trigger} by hand,
 * all over a transport that answers at once without I/O. All serialize the same result
 * with Jackson and run the template's validation, so the difference is the proxy, the
 * expression evaluation and the dispatch. {@code annotated} uses a template over an
 * argument ({@code private-user-#{#userId}}), which is rendered without SpEL;
 * {@code annotatedWithExpressions} reads a property of {@code #result} and checks a
 * condition, both evaluated by SpEL.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar PusherEventBenchmark}, and
 * {@link PusherEventInterleavedComparison} for the two measured in alternating rounds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class PusherEventBenchmark {

	private AnnotationConfigApplicationContext context;

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

	static AnnotationConfigApplicationContext startContext() {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Services.class);
		if (!AopUtils.isAopProxy(context.getBean(AnnotatedContentService.class))) {
			throw new IllegalStateException("The annotated service is not proxied");
		}
		return context;
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
	 * Answers 200 at once, without I/O.
	 */
	static final class NoOpTransport implements PusherTransport {

		private static final PusherResponse OK = new PusherResponse(200, "{}");

		@Override
		public PusherResponse exchange(PusherRequest request) {
			return OK;
		}

		@Override
		public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
			return CompletableFuture.completedFuture(OK);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Services {

		@Bean
		static PusherEventAnnotationBeanPostProcessor pusherEventAnnotationBeanPostProcessor() {
			PusherEventAnnotationBeanPostProcessor postProcessor = new PusherEventAnnotationBeanPostProcessor();
			postProcessor.setProxyTargetClass(true);
			return postProcessor;
		}

		@Bean
		PusherTemplate pusherTemplate() {
			return new PusherTemplate(new NoOpTransport());
		}

		@Bean
		AnnotatedContentService annotatedContentService() {
			return new AnnotatedContentService();
		}

		@Bean
		HandWrittenContentService handWrittenContentService(PusherTemplate pusherTemplate) {
			return new HandWrittenContentService(pusherTemplate);
		}

	}

}
