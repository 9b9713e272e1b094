package io.pusherspring.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.pusher.rest.SignatureUtil;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.StreamUtils;
import org.springframework.util.unit.DataSize;

import static io.pusherspring.webhook.SignedWebhooks.KEY;
import static io.pusherspring.webhook.SignedWebhooks.SECRET;
import static io.pusherspring.webhook.SignedWebhooks.body;
import static io.pusherspring.webhook.SignedWebhooks.request;
import static io.pusherspring.webhook.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PusherWebhookFilter}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PusherWebhookFilterTests {

	private static final Instant NOW = Instant.parse("2026-03-02T10:15:30.123Z");

	private static final String OCCUPIED = "{\"name\":\"channel_occupied\",\"channel\":\"private-a\"}";

	private final PusherWebhookFilter filter = filter(DataSize.ofKilobytes(1), Map.of(KEY, SECRET));

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void passesAVerifiedWebhookOnWithItsEventsAndItsBody() throws Exception {
		String body = body(NOW, OCCUPIED);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(signed(body), response, this.chain);
		HttpServletRequest passed = (HttpServletRequest) this.chain.getRequest();
		assertThat(passed).isNotNull();
		PusherWebhook webhook = (PusherWebhook) passed.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE);
		assertThat(webhook.time()).isEqualTo(NOW);
		assertThat(webhook.events()).singleElement()
			.isInstanceOfSatisfying(ChannelOccupied.class,
					(event) -> assertThat(event.channel()).isEqualTo("private-a"));
		assertThat(StreamUtils.copyToString(passed.getInputStream(), StandardCharsets.UTF_8)).isEqualTo(body);
		assertThat(passed.getReader().readLine()).isEqualTo(body);
		assertThat(passed.getContentLength()).isEqualTo(body.length());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void acceptsASignatureInUpperCaseHex() throws Exception {
		String body = body(NOW, OCCUPIED);
		assertAccepted(request(body, KEY, SignatureUtil.sign(body, SECRET).toUpperCase()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" })
	void refusesOtherMethods(String method) throws Exception {
		MockHttpServletRequest request = signed(body(NOW, OCCUPIED));
		request.setMethod(method);
		assertThat(assertRejected(request, WebhookRejection.METHOD_NOT_ALLOWED, 405).getHeader("Allow"))
			.isEqualTo("POST");
	}

	@Test
	void refusesADeclaredOversizedBodyWithoutReadingIt() throws Exception {
		CountingRequest request = new CountingRequest(signed(body(NOW, OCCUPIED)), 10 * 1024 * 1024, 10 * 1024 * 1024);
		MockHttpServletResponse response = assertRejected(request, WebhookRejection.BODY_TOO_LARGE, 413);
		assertThat(request.bytesRead.get()).isZero();
		assertThat(response.getHeader("Connection")).isEqualTo("close");
	}

	@Test
	void refusesAnUndeclaredOversizedBodyAfterReadingOneByteOverTheLimit() throws Exception {
		CountingRequest request = new CountingRequest(signed(body(NOW, OCCUPIED)), 10 * 1024 * 1024, -1);
		assertRejected(request, WebhookRejection.BODY_TOO_LARGE, 413);
		assertThat(request.bytesRead.get()).isEqualTo(1024 + 1);
	}

	@Test
	void acceptsABodyOfExactlyTheLimit() throws Exception {
		String body = body(NOW, OCCUPIED);
		String padded = body.substring(0, body.length() - 1) + " ".repeat(1024 - body.length()) + "}";
		assertThat(padded.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
		assertAccepted(signed(padded));
		MockHttpServletRequest over = signed(padded.replace("}", " }"));
		assertRejected(over, WebhookRejection.BODY_TOO_LARGE, 413);
	}

	@Test
	void refusesAMissingKey() throws Exception {
		String body = body(NOW, OCCUPIED);
		assertRejected(request(body, null, SignatureUtil.sign(body, SECRET)), WebhookRejection.UNKNOWN_KEY, 401);
	}

	@Test
	void refusesAnotherAppsKeyEvenWithItsValidSignature() throws Exception {
		String body = body(NOW, OCCUPIED);
		assertRejected(request(body, "another-key", SignatureUtil.sign(body, "another-secret")),
				WebhookRejection.UNKNOWN_KEY, 401);
	}

	@Test
	void refusesASignatureUnderAnotherSecret() throws Exception {
		String body = body(NOW, OCCUPIED);
		assertRejected(request(body, KEY, SignatureUtil.sign(body, "another-secret")),
				WebhookRejection.INVALID_SIGNATURE, 401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc", "zz", "sha256=0000" })
	void refusesMalformedSignatures(String signature) throws Exception {
		assertRejected(request(body(NOW, OCCUPIED), KEY, signature), WebhookRejection.INVALID_SIGNATURE, 401);
	}

	@Test
	void refusesAMissingSignature() throws Exception {
		assertRejected(request(body(NOW, OCCUPIED), KEY, null), WebhookRejection.INVALID_SIGNATURE, 401);
	}

	@Test
	void refusesASignedBodyChangedByOneCharacter() throws Exception {
		String body = body(NOW, OCCUPIED);
		String signature = SignatureUtil.sign(body, SECRET);
		assertRejected(request(body.replace("private-a", "private-b"), KEY, signature),
				WebhookRejection.INVALID_SIGNATURE, 401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "not json", "[]", "{}", "{\"events\":[]}", "{\"time_ms\":\"1\",\"events\":[]}",
			"{\"time_ms\":1.5,\"events\":[]}", "{\"time_ms\":1,\"events\":{}}", "{\"time_ms\":1,\"events\":[1]}",
			"{\"time_ms\":1,\"events\":[]} trailing", "{\"time_ms\":1,\"time_ms\":2,\"events\":[]}",
			"{\"time_ms\":99999999999999999999,\"events\":[]}" })
	void refusesSignedBodiesThatAreNotWebhooks(String body) throws Exception {
		assertRejected(signed(body), WebhookRejection.MALFORMED_BODY, 400);
	}

	@Test
	void refusesAWebhookOlderThanTheMaximumAge() throws Exception {
		assertRejected(signed(body(NOW.minus(Duration.ofMinutes(5)).minusMillis(1), OCCUPIED)),
				WebhookRejection.EXPIRED, 401);
	}

	@Test
	void acceptsAWebhookJustWithinTheMaximumAge() throws Exception {
		assertAccepted(signed(body(NOW.minus(Duration.ofMinutes(5)), OCCUPIED)));
	}

	@Test
	void refusesAWebhookMoreThanAMinuteAhead() throws Exception {
		assertRejected(signed(body(NOW.plus(Duration.ofMinutes(1)).plusMillis(1), OCCUPIED)),
				WebhookRejection.FROM_THE_FUTURE, 401);
	}

	@Test
	void acceptsAWebhookUpToAMinuteAhead() throws Exception {
		assertAccepted(signed(body(NOW.plus(Duration.ofMinutes(1)), OCCUPIED)));
	}

	@Test
	void checksInTheDocumentedOrder() throws Exception {
		String stale = body(NOW.minus(Duration.ofHours(1)), OCCUPIED);
		MockHttpServletRequest everythingWrong = request(stale + " ".repeat(2000), "another-key", "00");
		everythingWrong.setMethod("PUT");
		assertRejected(everythingWrong, WebhookRejection.METHOD_NOT_ALLOWED, 405);
		everythingWrong.setMethod("POST");
		assertRejected(everythingWrong, WebhookRejection.BODY_TOO_LARGE, 413);
		assertRejected(request(stale, "another-key", "00"), WebhookRejection.UNKNOWN_KEY, 401);
		assertRejected(request("not json", KEY, "00"), WebhookRejection.INVALID_SIGNATURE, 401);
		assertRejected(signed("{\"time_ms\":1}"), WebhookRejection.MALFORMED_BODY, 400);
		assertRejected(signed(stale), WebhookRejection.EXPIRED, 401);
	}

	@Test
	void acceptsEveryConfiguredKeyWithItsOwnSecret() throws Exception {
		Map<String, String> keys = new LinkedHashMap<>();
		keys.put(KEY, SECRET);
		keys.put("old-key", "old-secret");
		PusherWebhookFilter rotating = filter(DataSize.ofKilobytes(1), keys);
		String body = body(NOW, OCCUPIED);
		assertThat(passes(rotating, request(body, KEY, SignatureUtil.sign(body, SECRET)))).isTrue();
		assertThat(passes(rotating, request(body, "old-key", SignatureUtil.sign(body, "old-secret")))).isTrue();
		assertThat(passes(rotating, request(body, "old-key", SignatureUtil.sign(body, SECRET)))).isFalse();
		assertThat(passes(rotating, request(body, KEY, SignatureUtil.sign(body, "old-secret")))).isFalse();
	}

	@Test
	void leavesOtherPathsAlone() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/pusher/webhooks/other");
		this.filter.doFilter(request, new MockHttpServletResponse(), this.chain);
		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(request.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE)).isNull();
	}

	@Test
	void guardsThePathUnderAContextPathAndWithPathParameters() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/app/pusher/webhooks;jsessionid=1");
		request.setContextPath("/app");
		assertRejected(request, WebhookRejection.UNKNOWN_KEY, 401);
	}

	@Test
	void answersARejectionWithItsReasonOnly(CapturedOutput output) throws Exception {
		String body = body(NOW, "{\"name\":\"client_event\",\"channel\":\"private-secret-plans\"}");
		String expected = SignatureUtil.sign(body, SECRET);
		String forged = SignatureUtil.sign(body, "guess");
		MockHttpServletResponse response = assertRejected(request(body, KEY, forged),
				WebhookRejection.INVALID_SIGNATURE, 401);
		assertThat(response.getContentAsString()).doesNotContain(expected).doesNotContain(forged);
		assertThat(output).containsOnlyOnce("Rejected a Pusher webhook")
			.contains("invalid signature")
			.doesNotContain("private-secret-plans")
			.doesNotContain(expected)
			.doesNotContain(forged)
			.doesNotContain(SECRET);
	}

	@Test
	void logsOneWarningPerRejectionWithTheDetail(CapturedOutput output) throws Exception {
		assertRejected(signed(body(NOW, "{\"name\":\"member_added\",\"channel\":\"presence-a\"}")),
				WebhookRejection.MALFORMED_BODY, 400);
		assertThat(output.toString().lines().filter((line) -> line.contains("Rejected a Pusher webhook")))
			.singleElement(InstanceOfAssertFactories.STRING)
			.contains("WARN")
			.contains("malformed body (event 0 has no 'user_id')")
			.contains("400")
			.doesNotContain("presence-a");
	}

	@Test
	void refusesABodyThatCannotBeRead() throws Exception {
		MockHttpServletRequest request = signed(body(NOW, OCCUPIED));
		HttpServletRequest failing = new HttpServletRequestWrapper(request) {

			@Override
			public ServletInputStream getInputStream() throws IOException {
				throw new IOException("connection reset");
			}

		};
		assertRejected(failing, WebhookRejection.MALFORMED_BODY, 400);
	}

	@Test
	void requiresAnAbsolutePath() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PusherWebhookFilter("hooks", Map.of(KEY, SECRET), Duration.ofMinutes(5),
					DataSize.ofMegabytes(1)))
			.withMessageContaining("'/'");
	}

	private void assertAccepted(HttpServletRequest request) throws Exception {
		assertThat(passes(this.filter, request)).as("accepted").isTrue();
	}

	private MockHttpServletResponse assertRejected(HttpServletRequest request, WebhookRejection reason, int status)
			throws Exception {
		MockFilterChain chain = new MockFilterChain();
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, chain);
		assertThat(chain.getRequest()).as("passed on").isNull();
		assertThat(reason.status()).isEqualTo(status);
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getContentAsString()).isEqualTo("Pusher webhook rejected: " + reason.description());
		assertThat(response.getContentType()).startsWith("text/plain");
		return response;
	}

	private static boolean passes(PusherWebhookFilter filter, HttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest() != null;
	}

	private static PusherWebhookFilter filter(DataSize maxBodySize, Map<String, String> keys) {
		return new PusherWebhookFilter(SignedWebhooks.PATH, keys, Duration.ofMinutes(5), maxBodySize,
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

	/**
	 * A request with a large body that counts the bytes read from it.
	 */
	static final class CountingRequest extends HttpServletRequestWrapper {

		final AtomicLong bytesRead = new AtomicLong();

		private final long size;

		private final long declared;

		CountingRequest(HttpServletRequest request, long size, long declared) {
			super(request);
			this.size = size;
			this.declared = declared;
		}

		@Override
		public long getContentLengthLong() {
			return this.declared;
		}

		@Override
		public int getContentLength() {
			return (int) this.declared;
		}

		@Override
		public ServletInputStream getInputStream() {
			InputStream spaces = new InputStream() {

				private long remaining = CountingRequest.this.size;

				@Override
				public int read() {
					if (this.remaining == 0) {
						return -1;
					}
					this.remaining--;
					CountingRequest.this.bytesRead.incrementAndGet();
					return ' ';
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					int n = (int) Math.min(length, this.remaining);
					if (n == 0) {
						return (length == 0) ? 0 : -1;
					}
					Arrays.fill(buffer, offset, offset + n, (byte) ' ');
					this.remaining -= n;
					CountingRequest.this.bytesRead.addAndGet(n);
					return n;
				}

			};
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					return spaces.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					return spaces.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return false;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
				}

			};
		}

	}

}
