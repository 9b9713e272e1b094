package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a request to Pusher could not complete: the connection failed, was dropped,
 * or no answer arrived within the read timeout. Pusher may still have delivered the
 * event, since the HTTP API has no idempotency key.
 *
 * @author pusher-spring-boot
 */
public class PusherConnectionException extends PusherException {

	public PusherConnectionException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

	@Override
	public boolean isPossiblyDelivered() {
		return true;
	}

}
