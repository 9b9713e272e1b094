package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception the Pusher support throws. Unchecked, and its messages
 * never contain the application secret or a request signature.
 *
 * @author pusher-spring-boot
 */
public abstract class PusherException extends RuntimeException {

	protected PusherException(String message) {
		super(message);
	}

	protected PusherException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether sending the same request again may succeed.
	 * @return {@code true} for transient failures such as I/O errors, 5xx and 429
	 */
	public abstract boolean isRetryable();

}
