package io.pusherspring.webhook;

/**
 * Why {@link PusherWebhookFilter} refused a webhook delivery, with the status it
 * answered. The checks run in the order of these constants; the first that fails decides.
 */
public enum WebhookRejection {

	/**
	 * The method is not {@code POST}.
	 */
	METHOD_NOT_ALLOWED(405, "only POST is allowed"),

	/**
	 * The body is larger than the configured maximum.
	 */
	BODY_TOO_LARGE(413, "body too large"),

	/**
	 * {@code X-Pusher-Key} is missing or is not a configured key.
	 */
	UNKNOWN_KEY(401, "unknown key"),

	/**
	 * {@code X-Pusher-Signature} is missing or is not the signature of the body under the
	 * key's secret.
	 */
	INVALID_SIGNATURE(401, "invalid signature"),

	/**
	 * The body is not a JSON object with {@code time_ms} and {@code events} as Pusher
	 * sends them, or could not be read.
	 */
	MALFORMED_BODY(400, "malformed body"),

	/**
	 * {@code time_ms} is older than the configured maximum age: a replay.
	 */
	EXPIRED(401, "expired"),

	/**
	 * {@code time_ms} is more than a minute ahead of this server's clock.
	 */
	FROM_THE_FUTURE(401, "time is ahead of the server's clock");

	private final int status;

	private final String description;

	WebhookRejection(int status, String description) {
		this.status = status;
		this.description = description;
	}

	/**
	 * The HTTP status answered.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * A short description, safe to show the caller: it holds nothing from the request.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

}
