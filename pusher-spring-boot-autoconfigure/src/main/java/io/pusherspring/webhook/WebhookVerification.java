package io.pusherspring.webhook;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.internal.RefusalLog;

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

		private static final int MAX_ADDRESS_LENGTH = 64;

		/**
		 * The line that logs this rejection: the caller's address, the reason, the detail
		 * and the status, never the body, a signature or a secret.
		 * @param remoteAddress the caller's address
		 * @return one line, safe to log
		 */
		String logLine(@Nullable String remoteAddress) {
			return "Rejected a Pusher webhook from " + RefusalLog.escape(remoteAddress, MAX_ADDRESS_LENGTH) + ": "
					+ this.reason.description() + " (" + RefusalLog.escape(this.detail, Integer.MAX_VALUE)
					+ "), answered " + this.reason.status();
		}

	}

}
