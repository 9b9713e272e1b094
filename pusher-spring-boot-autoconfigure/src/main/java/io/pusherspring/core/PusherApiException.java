package io.pusherspring.core;

/**
 * Thrown when the Pusher HTTP API answers with an error status.
 *
 * @author pusher-spring-boot
 */
public class PusherApiException extends PusherException {

	private final int statusCode;

	private final String pusherMessage;

	/**
	 * Create an exception for a failed call.
	 * @param message what failed
	 * @param statusCode the HTTP status Pusher answered with
	 * @param pusherMessage Pusher's explanation, already free of signatures
	 */
	public PusherApiException(String message, int statusCode, String pusherMessage) {
		super(message);
		this.statusCode = statusCode;
		this.pusherMessage = pusherMessage;
	}

	static PusherApiException forResponse(PusherRequest request, PusherResponse response) {
		String pusherMessage = Redaction.scrub(response.body());
		return new PusherApiException(request.describe() + " failed with HTTP " + response.statusCode()
				+ (pusherMessage.isEmpty() ? "" : ": " + pusherMessage), response.statusCode(), pusherMessage);
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
	 * Whether a retry can help: only server errors (5xx) and rate limiting (429). Every
	 * other 4xx, 413 among them, fails the same way again.
	 */
	@Override
	public boolean isRetryable() {
		return this.statusCode >= 500 || this.statusCode == 429;
	}

}
