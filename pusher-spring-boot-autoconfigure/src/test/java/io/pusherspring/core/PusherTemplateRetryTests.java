package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Blocking calls retry through Spring's {@code RetryTemplate}, asynchronous calls through
 * their non-blocking sibling: both decide alike, tell the retry listener the same, and
 * fail with the same exception.
 */
class PusherTemplateRetryTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final List<String> events = new ArrayList<>();

	@ParameterizedTest
	@EnumSource(Path.class)
	void bothPathsTellTheListenerWhatRetryTemplateWould(Path path) {
		PusherTemplate template = template(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build());
		this.transport.thenAnswer(503, 503, 503);
		assertThat(path.failure(template)).isInstanceOf(PusherApiException.class);
		assertThat(this.events).containsExactly("execution POST /events 0/1", "before retry 1", "failure 503",
				"execution POST /events 1/2", "before retry 2", "failure 503", "execution POST /events 2/3",
				"exhausted 2 suppressed");
		this.events.clear();
		this.transport.thenAnswer(500);
		assertThat(path.failure(template)).isNull();
		assertThat(this.events).containsExactly("execution POST /events 0/1", "before retry 1", "success",
				"execution POST /events 1/1");
	}

	@ParameterizedTest
	@EnumSource(Path.class)
	void aRetryThatWouldStartAfterThePolicysTimeoutIsNotMade(Path path) {
		PusherTemplate template = template(RetryPolicy.builder()
			.maxRetries(3)
			.delay(Duration.ofSeconds(1))
			.timeout(Duration.ofMillis(500))
			.build());
		this.transport.thenAnswer(503);
		assertThat(path.failure(template)).isInstanceOfSatisfying(PusherApiException.class,
				(ex) -> assertThat(ex.getMessage())
					.contains("not retried: the next attempt would start after the retry timeout of 500ms"));
		assertThat(this.transport.requests()).hasSize(1);
		assertThat(this.events).endsWith("timed out 0 suppressed");
	}

	@ParameterizedTest
	@EnumSource(Path.class)
	void anAnswerPusherWillRepeatIsNotRetried(Path path) {
		PusherTemplate template = template(RetryPolicy.builder().maxRetries(3).delay(Duration.ofMillis(1)).build());
		this.transport.thenAnswer(400);
		assertThat(path.failure(template)).isInstanceOfSatisfying(PusherApiException.class,
				(ex) -> assertThat(ex.getSuppressed()).isEmpty());
		assertThat(this.transport.requests()).hasSize(1);
		assertThat(this.events).containsExactly("execution POST /events 0/1", "exhausted 0 suppressed");
	}

	@Test
	void aBlockingCallInterruptedWhileWaitingToRetryFailsAndKeepsTheInterrupt() {
		PusherTemplate template = template(RetryPolicy.builder().maxRetries(2).delay(Duration.ofSeconds(5)).build());
		this.transport.thenAnswer(503);
		Thread.currentThread().interrupt();
		try {
			assertThat(Path.BLOCKING.failure(template)).isInstanceOfSatisfying(PusherApiException.class,
					(ex) -> assertThat(ex.getMessage()).contains("interrupted while waiting to send it again"));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(this.transport.requests()).hasSize(1);
		assertThat(this.events).endsWith("interrupted 0 suppressed");
	}

	private PusherTemplate template(RetryPolicy policy) {
		return PusherTemplate.builder(this.transport)
			.retryPolicy(policy)
			.retryListener(new RecordingRetryListener(this.events))
			.build();
	}

	enum Path {

		BLOCKING((template) -> template.trigger("orders", "created", "{}")),

		ASYNCHRONOUS((template) -> template.triggerAsync(PusherMessage.of("orders", "created", "{}")).join());

		private final Function<PusherTemplate, Object> call;

		Path(Function<PusherTemplate, Object> call) {
			this.call = call;
		}

		/**
		 * What the call failed with, unwrapped from the future's exception.
		 */
		Throwable failure(PusherTemplate template) {
			Throwable failure = catchThrowable(() -> this.call.apply(template));
			return (failure instanceof CompletionException) ? failure.getCause() : failure;
		}

	}

}
