package io.pusherspring.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.pusher.rest.SignatureUtil;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;

import io.pusherspring.SettableClock;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.core.internal.RefusalLog;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of forged webhooks does not flood the log: each filter, on either stack, logs
 * at most {@link RefusalLog#DEFAULT_MAX_LINES} rejections a minute, then, in the next
 * minute, how many it left out; never the body, a signature or the secret.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class WebhookRejectionLogTests {

	private static final Map<String, String> KEYS = Map.of(SignedWebhooks.KEY, SignedWebhooks.SECRET);

	private static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final DataSize MAX_BODY_SIZE = DataSize.ofKilobytes(1);

	private static final int FLOOD = 3 * RefusalLog.DEFAULT_MAX_LINES;

	private static final String BODY = SignedWebhooks.body(Instant.parse("2026-03-17T10:00:00Z"),
			"{\"name\":\"client_event\",\"channel\":\"private-secret-plans\"}");

	private static final String FORGED = SignatureUtil.sign(BODY, "guess");

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-17T10:00:00Z"));

	@ParameterizedTest
	@EnumSource(Stack.class)
	void logsAtMostTheBoundOfAFloodOfBadSignaturesEachMinute(Stack stack, CapturedOutput output) {
		Delivery filter = stack.filter(this.clock);
		for (int i = 0; i < FLOOD; i++) {
			assertThat(filter.deliver(BODY, FORGED)).isEqualTo(401);
		}
		List<String> lines = rejections(output);
		assertThat(lines).hasSize(RefusalLog.DEFAULT_MAX_LINES)
			.allSatisfy((line) -> assertThat(line).contains("Rejected a Pusher webhook from ")
				.contains(": invalid signature (")
				.contains("answered 401")
				.doesNotContain(FORGED)
				.doesNotContain(SignatureUtil.sign(BODY, SignedWebhooks.SECRET))
				.doesNotContain(SignedWebhooks.SECRET)
				.doesNotContain("private-secret-plans"));
		assertThat(lines.get(RefusalLog.DEFAULT_MAX_LINES - 1))
			.endsWith("(no more refusals are logged until 2026-03-17T10:01:00Z)");
		this.clock.advance(RefusalLog.DEFAULT_WINDOW);
		assertThat(filter.deliver(BODY, FORGED)).isEqualTo(401);
		assertThat(rejections(output)).hasSize(RefusalLog.DEFAULT_MAX_LINES + 1)
			.last()
			.asString()
			.endsWith("(" + (FLOOD - RefusalLog.DEFAULT_MAX_LINES)
					+ " more refused since 2026-03-17T10:00:00Z not logged)");
	}

	private static List<String> rejections(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("Rejected a Pusher webhook")).toList();
	}

	/**
	 * One filter of a web stack, taking deliveries.
	 */
	@FunctionalInterface
	interface Delivery {

		/**
		 * Deliver a body with the key and this signature.
		 * @return the status answered
		 */
		int deliver(String body, String signature);

	}

	enum Stack {

		MVC {

			@Override
			Delivery filter(Clock clock) {
				PusherWebhookFilter filter = new PusherWebhookFilter(SignedWebhooks.PATH, KEYS, MAX_AGE, MAX_BODY_SIZE,
						clock);
				return (body, signature) -> {
					MockHttpServletResponse response = new MockHttpServletResponse();
					try {
						filter.doFilter(SignedWebhooks.request(body, SignedWebhooks.KEY, signature), response,
								new MockFilterChain());
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					return response.getStatus();
				};
			}

		},

		WEBFLUX {

			@Override
			Delivery filter(Clock clock) {
				PusherWebhookWebFilter filter = new PusherWebhookWebFilter(SignedWebhooks.PATH, KEYS, MAX_AGE,
						MAX_BODY_SIZE, clock);
				return (body, signature) -> {
					MockServerWebExchange exchange = MockServerWebExchange
						.from(MockServerHttpRequest.post(SignedWebhooks.PATH)
							.header("X-Pusher-Key", SignedWebhooks.KEY)
							.header("X-Pusher-Signature", signature)
							.body(body));
					filter.filter(exchange, (passed) -> Mono.empty()).block(Duration.ofSeconds(30));
					return exchange.getResponse().getStatusCode().value();
				};
			}

		};

		abstract Delivery filter(Clock clock);

	}

}
