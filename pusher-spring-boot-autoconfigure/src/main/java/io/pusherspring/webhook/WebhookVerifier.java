package io.pusherspring.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import io.pusherspring.core.internal.HmacSigner;
import io.pusherspring.webhook.WebhookVerification.Accepted;
import io.pusherspring.webhook.WebhookVerification.Rejected;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The one place that decides whether a webhook delivery is accepted, for the filters of
 * both web stacks; it knows neither. Its checks run in the order of
 * {@link WebhookRejection}; the first that fails decides.
 */
final class WebhookVerifier {

	static final String KEY_HEADER = "X-Pusher-Key";

	static final String SIGNATURE_HEADER = "X-Pusher-Signature";

	/** How far ahead of this server's clock a webhook's time may be. */
	static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

	private static final int ID_PREFIX_BYTES = 12;

	private static final int PREALLOCATED_BODY_SIZE = 64 * 1024;

	private static final HexFormat HEX = HexFormat.of();

	private final Map<String, HmacSigner> signers;

	private final Duration maxAge;

	private final int maxBodySize;

	private final Clock clock;

	WebhookVerifier(Map<String, String> secretsByKey, Duration maxAge, long maxBodySize, Clock clock) {
		Assert.notEmpty(secretsByKey, "'secretsByKey' must not be empty");
		Assert.isTrue(maxAge.compareTo(Duration.ZERO) > 0, "'maxAge' must be positive");
		Assert.isTrue(maxBodySize > 0 && maxBodySize < Integer.MAX_VALUE, "'maxBodySize' must be from 1 byte to 2GB");
		Map<String, HmacSigner> signers = new LinkedHashMap<>();
		secretsByKey.forEach((key, secret) -> {
			Assert.hasText(key, "Keys must not be empty");
			signers.put(key, new HmacSigner(secret));
		});
		this.signers = Map.copyOf(signers);
		this.maxAge = maxAge;
		this.maxBodySize = (int) maxBodySize;
		this.clock = clock;
	}

	/**
	 * The checks that need no body, in their order: the method, then the declared length.
	 * @param method the request's method
	 * @param declaredLength the {@code Content-Length}, or -1 if unknown
	 * @return the rejection, or {@code null} if the body may be read
	 */
	@Nullable Rejected checkBeforeReading(String method, long declaredLength) {
		if (!"POST".equals(method)) {
			return new Rejected(WebhookRejection.METHOD_NOT_ALLOWED, "the method is not POST");
		}
		if (declaredLength > this.maxBodySize) {
			return new Rejected(WebhookRejection.BODY_TOO_LARGE, "Content-Length is over " + this.maxBodySize);
		}
		return null;
	}

	/**
	 * The largest body accepted: read no more than one byte over it.
	 */
	int maxBodySize() {
		return this.maxBodySize;
	}

	/**
	 * The rejection of a body found longer than {@link #maxBodySize()} while reading it.
	 */
	Rejected bodyTooLarge() {
		return new Rejected(WebhookRejection.BODY_TOO_LARGE, "the body is over " + this.maxBodySize + " bytes");
	}

	/**
	 * The rejection of a body that could not be read.
	 */
	Rejected unreadable() {
		return new Rejected(WebhookRejection.MALFORMED_BODY, "the body could not be read");
	}

	WebhookVerification verify(@Nullable String key, @Nullable String signature, byte[] body) {
		HmacSigner signer = (key != null) ? this.signers.get(key) : null;
		if (signer == null) {
			return new Rejected(WebhookRejection.UNKNOWN_KEY, (key != null) ? "the key is not configured" : "no key");
		}
		if (signature == null || !signer.verify(body, signature)) {
			return new Rejected(WebhookRejection.INVALID_SIGNATURE,
					(signature != null) ? "the signature does not match the body" : "no signature");
		}
		PusherWebhook webhook;
		try {
			webhook = WebhookParser.parse(body, idPrefix(signature));
		}
		catch (MalformedWebhookException ex) {
			return new Rejected(WebhookRejection.MALFORMED_BODY, ex.getMessage());
		}
		Instant now = this.clock.instant();
		if (webhook.time().isBefore(now.minus(this.maxAge))) {
			return new Rejected(WebhookRejection.EXPIRED, "sent more than " + this.maxAge + " ago");
		}
		if (webhook.time().isAfter(now.plus(MAX_CLOCK_SKEW))) {
			return new Rejected(WebhookRejection.FROM_THE_FUTURE, "sent more than " + MAX_CLOCK_SKEW + " from now");
		}
		return new Accepted(webhook, body);
	}

	/**
	 * Reads a body without ever holding more than one byte over the limit. A small
	 * declared length is read into a buffer of that size at once (the container delivers
	 * no more); a large one grows as bytes arrive, so that a caller who declares much and
	 * sends little does not hold memory.
	 * @param declared the {@code Content-Length}, at most the limit, or -1 if unknown
	 * @return the body, or {@code null} if it is longer than the limit
	 */
	static byte @Nullable [] readAtMost(InputStream in, long declared, int limit) throws IOException {
		if (declared >= 0 && declared <= PREALLOCATED_BODY_SIZE) {
			byte[] body = new byte[(int) declared];
			int read = in.readNBytes(body, 0, body.length);
			return (read < body.length) ? Arrays.copyOf(body, read) : body;
		}
		byte[] body = in.readNBytes(limit + 1);
		return (body.length > limit) ? null : body;
	}

	/**
	 * The part of each entry's id that names the delivery: a hash of its (verified)
	 * signature, so every retry of the same body gets the same ids, and the signature
	 * itself never shows.
	 */
	private static String idPrefix(String signature) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(HEX.parseHex(signature));
			return HEX.formatHex(digest, 0, ID_PREFIX_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
