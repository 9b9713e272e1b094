package io.pusherspring.integration;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import com.sun.net.httpserver.HttpServer;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What a real {@link PusherTemplate} over real HTTP tells its caller about delivery:
 * whether a failed event may have been delivered, the earlier attempts' failures,
 * {@code Retry-After}, paths no value can steer, and answers that echo the request.
 */
class PusherTemplateHttpDeliveryTests {

	/**
	 * How long to wait for an asynchronous call before calling it hung: not a timing
	 * assertion, since a loaded machine may take seconds to start the non-blocking client
	 * and answer.
	 */
	private static final Duration HANG_GUARD = Duration.ofMinutes(1);

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@RegisterExtension
	final FakePusherTemplates templates = new FakePusherTemplates(pusher);

	@Test
	void aConnectionClosedAfterAcceptingIsPossiblyDelivered() {
		pusher.closeNextConnectionAfterAccepting();
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> withRetries(0).trigger("orders", "created", Map.of()))
			.satisfies((ex) -> assertThat(ex.isPossiblyDelivered()).isTrue());
		assertThat(pusher.recorder().events()).hasSize(1);
	}

	@Test
	void aResetAfterSendingIsPossiblyDeliveredAsynchronously() {
		pusher.dropNextConnection();
		assertThat(withRetries(0).triggerAsync(PusherMessage.of("orders", "created", Map.of()))).failsWithin(HANG_GUARD)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(PusherConnectionException.class,
					(ex) -> assertThat(ex.isPossiblyDelivered()).isTrue());
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void aRetryAfterAnAcceptedButUnansweredAttemptDeliversTwiceAndSucceeds() {
		pusher.closeNextConnectionAfterAccepting();
		withRetries(1).trigger("orders", "created", Map.of());
		assertThat(pusher.recorder().events()).hasSize(2);
		assertThat(pusher.requests()).extracting(ReceivedRequest::fault)
			.containsExactly(ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING, null);
	}

	@Test
	void theLastFailureCarriesTheEarlierOnesAndTheirDelivery() {
		pusher.failNext(1, 503).closeNextConnectionAfterAccepting().failNext(1, 502);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> withRetries(2).trigger("orders", "created", Map.of()));
		assertThat(ex.getStatusCode()).isEqualTo(502);
		assertThat(ex.getSuppressed()).hasSize(2);
		assertThat(ex.getSuppressed()[0]).isInstanceOf(PusherApiException.class);
		assertThat(ex.getSuppressed()[1]).isInstanceOfSatisfying(PusherConnectionException.class,
				(closed) -> assertThat(closed.isPossiblyDelivered()).isTrue());
		assertThat(ex.isPossiblyDelivered()).isTrue();
		assertThat(pusher.recorder().events()).hasSize(1);
	}

	@Test
	void theAsynchronousFailureCarriesTheEarlierOnesAndTheirDelivery() {
		pusher.closeNextConnectionAfterAccepting().failNext(1, 500).failNext(1, 503);
		assertThat(withRetries(2).triggerAsync(PusherMessage.of("orders", "created", Map.of()))).failsWithin(HANG_GUARD)
			.withThrowableOfType(ExecutionException.class)
			.havingCause()
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(503);
				assertThat(ex.getSuppressed()).hasSize(2);
				assertThat(ex.isPossiblyDelivered()).isTrue();
			});
	}

	@Test
	void errorAnswersAloneAreNotPossiblyDelivered() {
		pusher.failNext(3, 503);
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> withRetries(2).trigger("orders", "created", Map.of()));
		assertThat(ex.isPossiblyDelivered()).isFalse();
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void waitsAsLongAsRetryAfterAsks() {
		pusher.failNext(1, 429, "1");
		long start = System.nanoTime();
		withRetries(1).trigger("orders", "created", Map.of());
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(429, 200);
	}

	@Test
	void waitsUntilARetryAfterDateAsynchronously() {
		// the header has whole seconds: one to two seconds from now
		ZonedDateTime retryAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0);
		pusher.failNext(1, 503, DateTimeFormatter.RFC_1123_DATE_TIME.format(retryAt));
		assertThat(withRetries(1).triggerAsync(PusherMessage.of("orders", "created", Map.of())))
			.succeedsWithin(HANG_GUARD);
		assertThat(Instant.now()).isAfterOrEqualTo(retryAt.toInstant());
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(503, 200);
	}

	@Test
	void failsAtOnceWhenRetryAfterAsksForMoreThanTheMaxDelay() {
		pusher.failNext(1, 429, "120");
		PusherApiException ex = catchThrowableOfType(PusherApiException.class,
				() -> withRetries(2).trigger("orders", "created", Map.of()));
		assertThat(ex.getStatusCode()).isEqualTo(429);
		assertThat(ex.getMessage()).contains("Pusher asked to wait 120s before sending again (Retry-After)",
				"pusher.retry.max-delay");
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void refusesDotSegmentUserIdsWithoutSendingAnything() {
		PusherTemplate template = this.templates.template();
		for (String userId : List.of(".", "..")) {
			assertThatExceptionOfType(PusherValidationException.class)
				.isThrownBy(() -> template.terminateUserConnections(userId))
				.withMessageContaining("relative path");
		}
		assertThat(pusher.requests()).isEmpty();
	}

	@Test
	void encodesAnAppIdThatIsNotAPlainPathSegment() throws IOException {
		FakePusherServer spaced = new FakePusherServer("my app?", "key", "secret").start();
		try (HttpPusherTransport transport = new HttpPusherTransport(new PusherCredentials("my app?", "key", "secret"),
				spaced.getEndpoint(), HttpPusherTransport.Settings.DEFAULTS)) {
			new PusherTemplate(transport).trigger("orders", "created", Map.of());
			assertThat(spaced.requests()).singleElement().satisfies((request) -> {
				assertThat(request.path()).isEqualTo("/apps/my app?/events");
				assertThat(request.status()).isEqualTo(200);
			});
		}
		finally {
			spaced.stop();
		}
	}

	@Test
	void removesTheSignatureFromAnswersThatEchoTheRequestInAnyEncoding() throws IOException {
		List<String> signatures = new ArrayList<>();
		HttpServer echo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		echo.createContext("/", (exchange) -> {
			String query = exchange.getRequestURI().getRawQuery();
			for (String pair : query.split("&")) {
				if (pair.startsWith("auth_signature=")) {
					signatures.add(URLDecoder.decode(pair.substring(15), StandardCharsets.UTF_8));
				}
			}
			String url = exchange.getRequestURI().toString();
			byte[] body = ("{\"error\":\"bad gateway\",\"url\":\"" + URLEncoder.encode(url, StandardCharsets.UTF_8)
					+ "\",\"query\":{\"auth_signature\":\"" + signatures.get(signatures.size() - 1) + "\"},\"raw\":\""
					+ query + "\"}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(400, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		echo.start();
		try (HttpPusherTransport transport = new HttpPusherTransport(new PusherCredentials("1", "key", "secret"),
				URI.create("http://127.0.0.1:" + echo.getAddress().getPort()), HttpPusherTransport.Settings.DEFAULTS)) {
			PusherTemplate template = new PusherTemplate(transport);
			PusherApiException blocking = catchThrowableOfType(PusherApiException.class,
					() -> template.trigger("orders", "created", Map.of()));
			Throwable async = catchThrowableOfType(ExecutionException.class,
					() -> template.triggerAsync(PusherMessage.of("orders", "created", Map.of())).get())
				.getCause();
			assertThat(signatures).hasSize(2);
			assertThat(blocking.getMessage()).contains("bad gateway", "[redacted]");
			for (PusherException failure : List.of(blocking, (PusherException) async)) {
				for (String signature : signatures) {
					assertThat(failure.getMessage()).doesNotContainIgnoringCase(signature);
					assertThat(((PusherApiException) failure).getPusherMessage()).doesNotContainIgnoringCase(signature);
					assertThat(failure.toString()).doesNotContainIgnoringCase(signature);
				}
			}
		}
		finally {
			echo.stop(0);
		}
	}

	/**
	 * A template whose transport waits for answers as long as a test waits for a call: a
	 * read timeout any shorter races the answers of a loaded machine. A server thread
	 * that gets no CPU for seconds lets the attempt time out and its retry overtake it,
	 * so the server may answer the two in either order (and record them so), and a
	 * planned failure may go to the attempt the client no longer waits for. A connection
	 * closed after accepting is a possible delivery that takes no clock.
	 */
	private PusherTemplate withRetries(int retries) {
		return PusherTemplate.builder(this.templates.transport(HANG_GUARD))
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(retries)
				.delay(Duration.ofMillis(10))
				.maxDelay(Duration.ofSeconds(5))
				.build())
			.build();
	}

}
