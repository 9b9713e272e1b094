package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception the Pusher support throws. Unchecked, and its messages
 * never contain the application secret or a request signature.
 *
 * @author pusher-spring-boot
 */
public class PusherException extends RuntimeException {

	public PusherException(String message) {
		super(message);
	}

	public PusherException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether sending the same request again may succeed.
	 * @return {@code true} for transient failures such as I/O errors, 5xx and 429;
	 * {@code false} unless a subclass says otherwise
	 */
	public boolean isRetryable() {
		return false;
	}

	/**
	 * Whether Pusher may have accepted the request although this exception says it
	 * failed: some attempt was sent and then lost its answer (a read timeout or a closed
	 * connection). Sending again may then deliver the event twice, since Pusher has no
	 * idempotency key.
	 * @return {@code true} if the event may have been delivered
	 */
	public boolean isPossiblyDelivered() {
		return false;
	}

}
