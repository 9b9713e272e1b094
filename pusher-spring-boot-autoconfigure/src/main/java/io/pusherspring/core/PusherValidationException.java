package io.pusherspring.core;

/**
 * Thrown before any I/O when a request breaks one of Pusher's rules: a channel or event
 * name, the payload size, a socket id, or a combination Pusher refuses. The message names
 * the rule and the offending value.
 */
public class PusherValidationException extends PusherException {

	/**
	 * Create an exception.
	 * @param message the rule and the offending value
	 */
	public PusherValidationException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message the rule and the offending value
	 * @param cause the cause
	 */
	public PusherValidationException(String message, Throwable cause) {
		super(message, cause);
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
