package io.pusherspring.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.pusherspring.core.internal.HmacSigner;
import io.pusherspring.webhook.PusherWebhookFilter;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * One signed webhook body of a given size, shaped like Pusher's (client events), and the
 * three ways of verifying it that the webhook benchmarks compare: a bare {@link Mac} over
 * the body compared with {@link MessageDigest#isEqual}, the library's
 * {@link HmacSigner#verify} (the signature check of {@link PusherWebhookFilter}), and the
 * whole filter (method, size, key, signature, JSON, age).
 */
final class WebhookDelivery {

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	static final String PATH = "/pusher/webhooks";

	private static final String EVENT = "{\"name\":\"client_event\",\"channel\":\"presence-class-42\","
			+ "\"event\":\"client-answer\",\"data\":\"{\\\"question\\\":7,\\\"answer\\\":\\\"%s\\\"}\","
			+ "\"socket_id\":\"1234.5678\",\"user_id\":\"%d\"}";

	final byte[] body;

	final String signature;

	private final byte[] expected;

	private final Mac mac;

	private final HmacSigner signer = new HmacSigner(SECRET);

	private final PusherWebhookFilter filter = new PusherWebhookFilter(PATH, Map.of(KEY, SECRET), Duration.ofDays(1),
			DataSize.ofMegabytes(1));

	WebhookDelivery(int size) {
		this.body = body(size);
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		this.expected = this.mac.doFinal(this.body);
		this.signature = HexFormat.of().formatHex(this.expected);
		if (!bareMac() || !hmacSigner() || filter() == null) {
			throw new IllegalStateException("The delivery does not verify");
		}
	}

	/**
	 * A hand-written check at its fastest: one initialized {@link Mac}, the expected
	 * signature already decoded.
	 */
	boolean bareMac() {
		return MessageDigest.isEqual(this.mac.doFinal(this.body), this.expected);
	}

	boolean hmacSigner() {
		return this.signer.verify(this.body, this.signature);
	}

	/**
	 * @return the verified webhook, or {@code null} if the filter refused the request
	 */
	Object filter() {
		MockHttpServletRequest request = new ServerRequest(this.body);
		request.setContentType("application/json");
		request.addHeader("X-Pusher-Key", KEY);
		request.addHeader("X-Pusher-Signature", this.signature);
		Object[] passed = new Object[1];
		try {
			this.filter.doFilter(request, new MockHttpServletResponse(),
					(req, res) -> passed[0] = req.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE));
		}
		catch (ServletException | IOException ex) {
			throw new IllegalStateException(ex);
		}
		return passed[0];
	}

	/**
	 * A request whose body reads in bulk, as a servlet container's does
	 * ({@link MockHttpServletRequest}'s reads byte by byte).
	 */
	private static final class ServerRequest extends MockHttpServletRequest {

		private final byte[] body;

		ServerRequest(byte[] body) {
			super("POST", PATH);
			this.body = body;
			setContent(body);
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

	}

	/**
	 * A body of exactly {@code size} bytes: client events, the last one's data padded.
	 */
	static byte[] body(int size) {
		StringBuilder body = new StringBuilder("{\"time_ms\":").append(Instant.now().toEpochMilli())
			.append(",\"events\":[");
		String closing = "]}";
		int user = 0;
		while (true) {
			String event = String.format(EVENT, "", user);
			int room = size - body.length() - closing.length() - ((user > 0) ? 1 : 0);
			if (room < event.length()) {
				throw new IllegalArgumentException("A body of " + size + " bytes is too small");
			}
			String next = String.format(EVENT, "", user + 1);
			if (room < event.length() + 1 + next.length()) {
				body.append((user > 0) ? "," : "")
					.append(String.format(EVENT, "x".repeat(room - event.length()), user));
				break;
			}
			body.append((user > 0) ? "," : "").append(event);
			user++;
		}
		byte[] bytes = body.append(closing).toString().getBytes(StandardCharsets.UTF_8);
		if (bytes.length != size) {
			throw new IllegalStateException("Built " + bytes.length + " bytes instead of " + size);
		}
		return bytes;
	}

}
