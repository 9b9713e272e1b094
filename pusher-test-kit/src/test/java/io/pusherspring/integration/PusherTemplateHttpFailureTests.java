package io.pusherspring.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * How a real {@link PusherTemplate} over real HTTP deals with what can go wrong: error
 * answers, retries, timeouts, dropped connections, and answers that echo a signature.
 */
class PusherTemplateHttpFailureTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@RegisterExtension
	final FakePusherTemplates templates = new FakePusherTemplates(pusher);

	@Test
	void retriesServerErrorsAndDeliversOnce() {
		pusher.failNext(2, 503);
		this.templates.template().trigger("orders", "created", Map.of());
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(503, 503, 200);
	}

	@Test
	void retriesTooManyRequests() {
		pusher.failNext(1, 429);
		this.templates.template().trigger("orders", "created", Map.of());
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(429, 200);
	}

	@Test
	void retriesWithTheDefaultPolicy() {
		pusher.failNext(2, 500);
		new PusherTemplate(this.templates.transport(FakePusherTemplates.READ_TIMEOUT)).trigger("orders", "e", "d");
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(500, 500, 200);
	}

	@Test
	void doesNotRetryABadRequest() {
		pusher.failNext(1, 400);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.templates.template().trigger("orders", "created", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(400);
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).contains("POST /events", "400", "Bad Request");
			});
		assertThat(pusher.requests()).hasSize(1);
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void doesNotRetryAPayloadTooLarge() {
		PusherTemplate raised = this.templates.template((builder) -> builder.maxPayloadSize(DataSize.ofKilobytes(20)));
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> raised.trigger("orders", "big", "x".repeat(15 * 1024)))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(413);
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getPusherMessage()).contains("Payload too large");
			});
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(413);
	}

	@Test
	void surfacesTheLastFailureWhenRetriesAreExhausted() {
		pusher.failNext(2, 503).failNext(1, 502);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.templates.template().trigger("orders", "created", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(502);
				assertThat(ex.isRetryable()).isTrue();
			});
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(503, 503, 502);
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void failsWithoutRetryingWhenTheAppIdIsUnknown() {
		HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials("999", pusher.getKey(), pusher.getSecret()), pusher.getEndpoint(),
				HttpPusherTransport.Settings.DEFAULTS);
		try (transport) {
			PusherTemplate template = PusherTemplate.builder(transport)
				.retryPolicy(FakePusherTemplates.fastRetries())
				.build();
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> template.trigger("orders", "created", Map.of()))
				.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(pusher.requests()).extracting(ReceivedRequest::path).containsExactly("/apps/999/events");
	}

	@Test
	void retriesAndFailsWithAConnectionExceptionWhenNothingListens() {
		FakePusherServer stopped = new FakePusherServer().start();
		URI endpoint = stopped.getEndpoint();
		stopped.stop();
		HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials("1000", "fake-key", "fake-secret"), endpoint,
				HttpPusherTransport.Settings.DEFAULTS);
		try (transport) {
			PusherTemplate template = PusherTemplate.builder(transport)
				.retryPolicy(FakePusherTemplates.fastRetries())
				.build();
			assertThatExceptionOfType(PusherConnectionException.class)
				.isThrownBy(() -> template.trigger("orders", "created", Map.of()))
				.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("POST /events did not complete"))
				.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(2)
					.allSatisfy((earlier) -> assertThat(earlier).isInstanceOf(PusherConnectionException.class)))
				.satisfies((ex) -> assertThat(ex.isPossiblyDelivered()).isFalse());
			assertThat(template.triggerAsync(PusherMessage.of("orders", "created", Map.of())))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOfSatisfying(PusherConnectionException.class,
						(ex) -> assertThat(ex.isPossiblyDelivered()).isFalse());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void retriesAsynchronously() {
		pusher.failNext(2, 503);
		assertThat(this.templates.template().triggerAsync(PusherMessage.of("orders", "created", Map.of())))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(503, 503, 200);
	}

	@Test
	void surfacesTheLastFailureWhenAsynchronousRetriesAreExhausted() {
		pusher.failNext(2, 500).failNext(1, 503);
		CompletableFuture<TriggerResult> future = this.templates.template()
			.triggerAsync(PusherMessage.of("orders", "created", Map.of()));
		assertThat(future).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(503));
		assertThat(pusher.requests()).hasSize(3);
	}

	@Test
	void completesAsynchronouslyWithTheResult() {
		pusher.stubChannel("orders", 3);
		CompletableFuture<TriggerResult> future = this.templates.template()
			.triggerAsync(
					PusherMessage.builder().channel("orders").event("e").data("d").info("subscription_count").build());
		assertThat(future).succeedsWithin(Duration.ofSeconds(5))
			.satisfies((result) -> assertThat(result.subscriptionCount("orders")).hasValue(3));
	}

	@Test
	void completesAsynchronouslyWithAnApiFailureWithoutRetrying() {
		pusher.failNext(1, 400);
		CompletableFuture<TriggerResult> future = this.templates.template()
			.triggerAsync(PusherMessage.of("orders", "created", Map.of()));
		assertThat(future).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void throwsAsynchronousValidationErrorsAtOnceOnTheCallingThread() {
		PusherTemplate template = this.templates.template();
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> template.triggerAsync(PusherMessage.of("bad channel", "e", "d")))
			.withMessageContaining("bad channel");
		assertThat(pusher.requests()).isEmpty();
	}

	@Test
	void failsWithAConnectionExceptionWhenTheAnswerIsTooLate() {
		pusher.delay(FakePusherTemplates.LATER_THAN_SHORT_READ_TIMEOUT);
		PusherTemplate template = withoutRetries(FakePusherTemplates.SHORT_READ_TIMEOUT);
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> template.trigger("orders", "created", Map.of()))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.isPossiblyDelivered()).isTrue();
				assertThat(ex.getMessage()).startsWith("POST /events did not complete");
				assertNoSecretIn(ex);
			});
		// Pusher may still deliver an event whose answer timed out
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void failsAsynchronouslyWithAConnectionExceptionWhenTheAnswerIsTooLate() {
		pusher.delay(FakePusherTemplates.LATER_THAN_SHORT_READ_TIMEOUT);
		CompletableFuture<TriggerResult> future = withoutRetries(FakePusherTemplates.SHORT_READ_TIMEOUT)
			.triggerAsync(PusherMessage.of("orders", "created", Map.of()));
		assertThat(future).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(PusherConnectionException.class, this::assertNoSecretIn);
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void deliversTwiceWhenARetryFollowsATimeout() {
		pusher.delay(FakePusherTemplates.LATER_THAN_SHORT_READ_TIMEOUT);
		PusherTemplate template = PusherTemplate
			.builder(this.templates.transport(FakePusherTemplates.SHORT_READ_TIMEOUT))
			.retryPolicy(RetryPolicy.builder().maxRetries(1).delay(Duration.ofMillis(10)).build())
			.build();
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> template.trigger("orders", "created", Map.of()));
		assertThat(pusher.requests()).hasSize(2);
		assertThat(pusher.recorder().events()).hasSize(2);
	}

	@Test
	void failsWithAConnectionExceptionWhenTheConnectionIsDropped() {
		pusher.dropNextConnection();
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> withoutRetries(FakePusherTemplates.READ_TIMEOUT).trigger("orders", "created", Map.of()))
			.satisfies(this::assertNoSecretIn);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(ReceivedRequest.DROPPED);
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void failsAsynchronouslyWithAConnectionExceptionWhenTheConnectionIsDropped() {
		pusher.dropNextConnection();
		CompletableFuture<TriggerResult> future = withoutRetries(FakePusherTemplates.READ_TIMEOUT)
			.triggerAsync(PusherMessage.of("orders", "created", Map.of()));
		assertThat(future).failsWithin(Duration.ofSeconds(5))
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOf(PusherConnectionException.class);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(ReceivedRequest.DROPPED);
	}

	@Test
	void retriesADroppedConnectionAndDeliversOnce() {
		pusher.dropNextConnection();
		this.templates.template().trigger("orders", "created", Map.of());
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(ReceivedRequest.DROPPED, 200);
	}

	@Test
	void retriesADroppedConnectionAsynchronously() {
		pusher.dropNextConnection();
		assertThat(this.templates.template().triggerAsync(PusherMessage.of("orders", "created", Map.of())))
			.succeedsWithin(Duration.ofSeconds(5));
		assertThat(pusher.recorder().events()).hasSize(1);
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(ReceivedRequest.DROPPED, 200);
	}

	@Test
	void neverRevealsTheSecretOrTheSignaturePusherEchoes() {
		String wrongSecret = "client-side-wrong-secret";
		PusherTemplate template = PusherTemplate
			.builder(this.templates.transport(wrongSecret, FakePusherTemplates.READ_TIMEOUT))
			.retryPolicy(FakePusherTemplates.fastRetries())
			.build();
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> template.trigger("orders", "created", Map.of()));
		assertThat(ex).isNotNull();
		assertThat(ex.getStatusCode()).isEqualTo(401);
		assertThat(ex.isRetryable()).isFalse();
		assertThat(pusher.requests()).hasSize(1);
		String signature = pusher.requests().get(0).query().get("auth_signature");
		assertThat(signature).hasSize(64);
		assertThat(ex.getMessage()).contains("Invalid signature", "[redacted]");
		assertNothingLeaks(ex, wrongSecret, signature);
	}

	@Test
	void neverRevealsTheSecretOrTheSignaturePusherEchoesAsynchronously() {
		String wrongSecret = "client-side-wrong-secret";
		PusherTemplate template = PusherTemplate
			.builder(this.templates.transport(wrongSecret, FakePusherTemplates.READ_TIMEOUT))
			.build();
		Throwable failure = catchThrowable(
				() -> template.triggerAsync(PusherMessage.of("orders", "created", Map.of())).get());
		assertThat(failure).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(PusherApiException.class);
		String signature = pusher.requests().get(0).query().get("auth_signature");
		assertNothingLeaks(failure, wrongSecret, signature);
		assertNothingLeaks(failure.getCause(), wrongSecret, signature);
	}

	private PusherTemplate withoutRetries(Duration readTimeout) {
		return PusherTemplate.builder(this.templates.transport(readTimeout))
			.retryPolicy(FakePusherTemplates.noRetries())
			.build();
	}

	private void assertNoSecretIn(Throwable failure) {
		List<ReceivedRequest> requests = pusher.requests();
		assertThat(requests).isNotEmpty();
		assertNothingLeaks(failure, pusher.getSecret(), requests.get(0).query().get("auth_signature"));
	}

	private static void assertNothingLeaks(Throwable failure, String secret, String signature) {
		List<Throwable> all = new ArrayList<>();
		collect(failure, all);
		for (Throwable throwable : all) {
			assertThat(String.valueOf(throwable.getMessage())).doesNotContain(secret).doesNotContain(signature);
			assertThat(throwable.toString()).doesNotContain(secret).doesNotContain(signature);
			if (throwable instanceof PusherApiException api) {
				assertThat(api.getPusherMessage()).doesNotContain(signature);
			}
		}
		assertThat(all).first().isInstanceOfAny(PusherException.class, ExecutionException.class);
	}

	private static void collect(Throwable throwable, List<Throwable> all) {
		if (throwable == null || all.contains(throwable)) {
			return;
		}
		all.add(throwable);
		collect(throwable.getCause(), all);
		for (Throwable suppressed : throwable.getSuppressed()) {
			collect(suppressed, all);
		}
	}

}
