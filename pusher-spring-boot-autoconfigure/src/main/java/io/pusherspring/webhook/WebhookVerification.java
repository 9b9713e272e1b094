package io.pusherspring.webhook;

/**
 * What {@link WebhookVerifier} decided about one delivery.
 */
sealed interface WebhookVerification {

	/**
	 * Every check passed.
	 *
	 * @param webhook the verified webhook
	 * @param body the raw body, for a controller that reads it again
	 */
	record Accepted(PusherWebhook webhook, byte[] body) implements WebhookVerification {

	}

	/**
	 * A check failed.
	 *
	 * @param reason the first check that failed
	 * @param detail more about it for the log, holding no value from the request
	 */
	record Rejected(WebhookRejection reason, String detail) implements WebhookVerification {

	}

}
