package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a {@link PusherTemplate} call tells its caller about delivery when attempts fail:
 * earlier failures as suppressed exceptions, whether the event may have been delivered,
 * {@code Retry-After}, and the retry and publish listeners.
 */
class PusherTemplateDeliveryTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final List<String> heard = new ArrayList<>();

	private final PusherTemplate template = PusherTemplate.builder(this.transport)
		.retryPolicy(
				RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).maxDelay(Duration.ofSeconds(2)).build())
		.publishListener(new RecordingListener(this.heard))
		.build();

	@Test
	void earlierFailuresAreSuppressedExceptionsOfTheLastOne() {
		this.transport.thenFail(ScriptedFailures::refused).thenAnswer(500, 503);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.trigger("orders", "created", "{}"));
		assertThat(ex.getStatusCode()).isEqualTo(503);
		assertThat(ex.getSuppressed()).hasSize(2);
		assertThat(ex.getSuppressed()[0]).isInstanceOf(PusherConnectionException.class);
		assertThat(ex.getSuppressed()[1]).isInstanceOfSatisfying(PusherApiException.class,
				(earlier) -> assertThat(earlier.getStatusCode()).isEqualTo(500));
		assertThat(ex.isPossiblyDelivered()).isFalse();
		assertThat(ex.getMessage()).contains("failed 3 attempts");
	}

	@Test
	void anAttemptThatTimedOutAfterSendingMakesTheLastFailurePossiblyDelivered() {
		this.transport.thenFail(ScriptedFailures::readTimeout).thenAnswer(503, 502);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.trigger("orders", "created", "{}"));
		assertThat(ex.getStatusCode()).isEqualTo(502);
		assertThat(ex.isPossiblyDelivered()).isTrue();
		assertThat(ex.getMessage()).contains("may deliver it twice");
	}

	@Test
	void asynchronousFailuresCarryTheSameSuppressedExceptionsAndFlag() {
		this.transport.thenAnswer(503).thenFail(ScriptedFailures::readTimeout).thenAnswer(500);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("orders", "created", "{}")).join())
			.havingCause()
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(500);
				assertThat(ex.getSuppressed()).hasSize(2);
				assertThat(ex.isPossiblyDelivered()).isTrue();
			});
	}

	@Test
	void aConnectionThatWasNeverMadeIsNotPossiblyDelivered() {
		this.transport.thenFail(ScriptedFailures::refused)
			.thenFail(ScriptedFailures::refused)
			.thenFail(ScriptedFailures::refused);
		PusherConnectionException ex = catchThrowableOfType(PusherConnectionException.class,
				() -> this.template.trigger("orders", "created", "{}"));
		assertThat(ex.isPossiblyDelivered()).isFalse();
		assertThat(ex.getSuppressed()).hasSize(2);
	}

	@Test
	void validationFailuresAreNeverPossiblyDelivered() {
		PusherValidationException ex = catchThrowableOfType(PusherValidationException.class,
				() -> this.template.trigger("bad channel", "created", "{}"));
		assertThat(ex.isPossiblyDelivered()).isFalse();
		assertThat(this.heard).containsExactly("error bad channel created delivered=false");
	}

	@Test
	void aFailureAfterAnEarlierChunkSucceededIsPossiblyDelivered() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "c" + i).toList();
		this.transport.thenAnswer(new PusherResponse(200, "{}")).thenAnswer(400);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.trigger(channels, "created", "{}"));
		assertThat(ex.getStatusCode()).isEqualTo(400);
		assertThat(ex.isPossiblyDelivered()).isTrue();
		assertThat(ex.getMessage()).contains("delivered to the first 100 of 250 channels");
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void aFailureOfOneOfSeveralAsynchronousChunksIsPossiblyDelivered() {
		List<String> channels = IntStream.range(0, 150).mapToObj((i) -> "c" + i).toList();
		this.transport.thenAnswer(400);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template
				.triggerAsync(PusherMessage.builder().channels(channels).event("e").data("{}").build())
				.join())
			.havingCause()
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> {
				assertThat(ex.isPossiblyDelivered()).isTrue();
				assertThat(ex.getMessage()).contains("delivered to 50 of 150 channels");
			});
	}

	@Test
	void aBatchThatFailsAfterAnAcceptedChunkIsPossiblyDelivered() {
		List<PusherMessage> messages = IntStream.range(0, 15)
			.mapToObj((i) -> PusherMessage.of("c" + i, "e", "{}"))
			.toList();
		this.transport.thenAnswer(new PusherResponse(200, "{}")).thenAnswer(413);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.triggerBatch(messages));
		assertThat(ex.isPossiblyDelivered()).isTrue();
		assertThat(ex.getMessage()).contains("the first 10 of 15 events had already been accepted");
	}

	@Test
	void anAcceptedTriggerWhoseAnswerCannotBeReadIsPossiblyDelivered() {
		this.transport.thenAnswer(new PusherResponse(200, "<html>proxy page</html>"));
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.trigger("orders", "created", "{}"));
		assertThat(ex.isPossiblyDelivered()).isTrue();
		assertThat(ex.getMessage()).contains("not JSON", "so it accepted the request");
		assertThat(this.transport.requests()).hasSize(1);
	}

	@Test
	void retryAfterInSecondsIsWaitedFor() {
		this.transport.thenAnswer(new PusherResponse(429, "slow down", "1"));
		this.template.trigger("orders", "created", "{}");
		List<Long> times = this.transport.sendTimes();
		assertThat(times).hasSize(2);
		assertThat(TimeUnit.NANOSECONDS.toMillis(times.get(1) - times.get(0))).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void retryAfterLongerThanTheMaxDelayFailsAtOnceSaySo() {
		this.transport.thenAnswer(new PusherResponse(429, "slow down", "30"));
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> this.template.trigger("orders", "created", "{}"));
		assertThat(ex.getStatusCode()).isEqualTo(429);
		assertThat(ex.getRetryAfter()).hasValue(Duration.ofSeconds(30));
		assertThat(ex.getMessage()).contains("Pusher asked to wait 30s", "Retry-After", "2s", "pusher.retry.max-delay",
				"not retried");
		assertThat(this.transport.requests()).hasSize(1);
	}

	@Test
	void retryAfterAsAnHttpDateIsHonouredAsynchronously() {
		String past = "Wed, 21 Oct 2015 07:28:00 GMT";
		this.transport.thenAnswer(new PusherResponse(429, "slow down", past));
		assertThat(this.template.triggerAsync(PusherMessage.of("orders", "created", "{}")))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void aFarRetryAfterDateFailsTheAsynchronousCallAtOnce() {
		this.transport.thenAnswer(new PusherResponse(503, "maintenance", "Fri, 01 Jan 2100 00:00:00 GMT"));
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("orders", "created", "{}")).join())
			.havingCause()
			.withMessageContaining("Retry-After");
		assertThat(this.transport.requests()).hasSize(1);
	}

	@Test
	void theRetryAfterLimitCanBeRaised() {
		PusherTemplate patient = PusherTemplate.builder(this.transport)
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(1)
				.delay(Duration.ofMillis(1))
				.maxDelay(Duration.ofMillis(10))
				.build())
			.maxRetryAfter(Duration.ofMinutes(1))
			.build();
		this.transport.thenAnswer(new PusherResponse(429, "slow down", "1"));
		patient.trigger("orders", "created", "{}");
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void theRetryListenerHearsWhatRetryTemplateWouldTellIt() {
		List<String> events = new ArrayList<>();
		PusherTemplate listened = PusherTemplate.builder(this.transport)
			.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
			.retryListener(new RecordingRetryListener(events))
			.build();
		this.transport.thenAnswer(503, 503, 503);
		assertThatExceptionOfType(PusherApiException.class).isThrownBy(() -> listened.trigger("a", "e", "{}"));
		assertThat(events).containsExactly("execution POST /events 0/1", "before retry 1", "failure 503",
				"execution POST /events 1/2", "before retry 2", "failure 503", "execution POST /events 2/3",
				"exhausted 2 suppressed");
		events.clear();
		this.transport.thenAnswer(500);
		listened.trigger("a", "e", "{}");
		assertThat(events).containsExactly("execution POST /events 0/1", "before retry 1", "success",
				"execution POST /events 1/1");
	}

	@Test
	void publishListenersHearEachMessageOfEveryPublishingCall() {
		this.template.trigger("orders", "created", "{}");
		this.template.triggerAsync(PusherMessage.of("orders", "shipped", "{}")).join();
		this.template.triggerBatch(List.of(PusherMessage.builder().channels("a", "b").event("one").data("{}").build(),
				PusherMessage.of("c", "two", "{}")));
		this.template.sendToUser("42", "notice", "{}");
		this.template.channel("orders");
		assertThat(this.heard).containsExactly("success [orders] created", "success [orders] shipped",
				"success [a, b] one", "success [c] two", "success [#server-to-user-42] notice");
	}

	@Test
	void publishListenersSeeWhetherAFailedMessageMayHaveBeenDelivered() {
		this.transport.thenFail(ScriptedFailures::readTimeout).thenAnswer(400);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.template.trigger("orders", "created", "{}"));
		this.transport.thenAnswer(400);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("orders", "shipped", "{}")).join());
		assertThat(this.heard).containsExactly("error orders created delivered=true",
				"error orders shipped delivered=false");
	}

	@Test
	void aFailingPublishListenerDoesNotFailThePublishing() {
		PusherTemplate withBrokenListener = PusherTemplate.builder(this.transport)
			.publishListener(new PusherPublishListener() {

				@Override
				public void onSuccess(PusherMessage message, TriggerResult result) {
					throw new IllegalStateException("broken listener");
				}

			})
			.publishListener(new RecordingListener(this.heard))
			.build();
		withBrokenListener.trigger("orders", "created", "{}");
		assertThat(this.heard).containsExactly("success [orders] created");
	}

	private record RecordingListener(List<String> heard) implements PusherPublishListener {

		@Override
		public void onSuccess(PusherMessage message, TriggerResult result) {
			this.heard.add("success " + message.channels() + " " + message.event());
		}

		@Override
		public void onError(PusherMessage message, PusherException exception) {
			this.heard.add("error " + String.join(",", message.channels()) + " " + message.event() + " delivered="
					+ exception.isPossiblyDelivered());
		}

	}

}
