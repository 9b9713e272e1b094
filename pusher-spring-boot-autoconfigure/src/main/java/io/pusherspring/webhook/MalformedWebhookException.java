package io.pusherspring.webhook;

/**
 * A verified body that is not a webhook as Pusher sends them. Its message names the field
 * at fault and never holds a value from the body.
 */
final class MalformedWebhookException extends Exception {

	MalformedWebhookException(String message) {
		super(message, null, false, false);
	}

}
