package io.pusherspring.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the Pusher HTTP API answers with an error status.
 */
public class PusherApiException extends PusherException {

	/** The HTTP status Pusher answered with. */
	private final int statusCode;

	/** Pusher's explanation, free of signatures. */
	private final String pusherMessage;

	/** How long Pusher asked to wait (Retry-After), or {@code null}. */
	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for a failed call.
	 * @param message what failed
	 * @param statusCode the HTTP status Pusher answered with
	 * @param pusherMessage Pusher's explanation, already free of signatures
	 */
	public PusherApiException(String message, int statusCode, String pusherMessage) {
		this(message, statusCode, pusherMessage, null);
	}

	/**
	 * Create an exception for a failed call whose answer asked to wait before retrying.
	 * @param message what failed
	 * @param statusCode the HTTP status Pusher answered with
	 * @param pusherMessage Pusher's explanation, already free of signatures
	 * @param retryAfter how long the answer's {@code Retry-After} header asked to wait,
	 * or {@code null}
	 */
	public PusherApiException(String message, int statusCode, String pusherMessage, @Nullable Duration retryAfter) {
		super(message);
		this.statusCode = statusCode;
		this.pusherMessage = pusherMessage;
		this.retryAfter = retryAfter;
	}

	static PusherApiException forResponse(PusherRequest request, PusherResponse response) {
		String pusherMessage = Redaction.scrub(response.body());
		Duration retryAfter = RetryAfter.parse(response.retryAfter(), Instant.now());
		return new PusherApiException(
				request.describe() + " failed with HTTP " + response.statusCode()
						+ (pusherMessage.isEmpty() ? "" : ": " + pusherMessage),
				response.statusCode(), pusherMessage, retryAfter);
	}

	/**
	 * The HTTP status Pusher answered with.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Pusher's explanation from the response body, with any signature removed.
	 * @return the message, possibly empty
	 */
	public String getPusherMessage() {
		return this.pusherMessage;
	}

	/**
	 * How long the answer asked to wait before sending again, from its
	 * {@code Retry-After} header (seconds or an HTTP date).
	 * @return the wait, or empty if the answer named none
	 */
	public Optional<Duration> getRetryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

	/**
	 * Whether a retry can help: only server errors (5xx) and rate limiting (429). Every
	 * other 4xx, 413 among them, fails the same way again.
	 */
	@Override
	public boolean isRetryable() {
		return this.statusCode >= 500 || this.statusCode == 429;
	}

}
