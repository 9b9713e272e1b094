package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Base class of every exception the Pusher support throws. Unchecked, and its messages
 * never contain the application secret or a request signature.
 * <p>
 * When a call was retried, the exception describes the last attempt and carries the
 * failures of the earlier attempts as {@linkplain #getSuppressed() suppressed
 * exceptions}, oldest first.
 */
public class PusherException extends RuntimeException {

	/** Whether the request may have reached Pusher. */
	private volatile boolean possiblyDelivered;

	/** The explanations added to the message, or {@code null}. */
	private volatile @Nullable String note;

	/**
	 * Create an exception.
	 * @param message what failed
	 */
	public PusherException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a cause.
	 * @param message what failed
	 * @param cause the cause, or {@code null}
	 */
	public PusherException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	/**
	 * Create an exception that says whether its request may have reached Pusher.
	 * @param message what failed
	 * @param cause the cause, or {@code null}
	 * @param possiblyDelivered whether the request was sent before the failure, so that
	 * Pusher may have accepted it
	 */
	protected PusherException(String message, @Nullable Throwable cause, boolean possiblyDelivered) {
		super(message, cause);
		this.possiblyDelivered = possiblyDelivered;
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
	 * Whether Pusher may have accepted the event although this exception says the call
	 * failed. True when any attempt of the call, this one or an earlier one carried as a
	 * suppressed exception, failed after its request was sent and before an answer
	 * arrived (a read timeout, or a connection closed or reset after sending), and when a
	 * call that Pusher's limits split into several requests failed after an earlier
	 * request succeeded. Pusher has no idempotency key, so publishing again may then
	 * deliver the event twice. False for failures before anything was sent (validation, a
	 * refused connection, a connect timeout, a failed TLS handshake) and for error
	 * answers, since Pusher answers an error only for an event it did not accept.
	 * @return {@code true} if the event may have been delivered
	 */
	public boolean isPossiblyDelivered() {
		if (this.possiblyDelivered) {
			return true;
		}
		for (Throwable earlier : getSuppressed()) {
			if (earlier instanceof PusherException failure && failure.isPossiblyDelivered()) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		String note = this.note;
		return (note != null) ? message + "; " + note : message;
	}

	/**
	 * Record that the call delivered part of what it was asked to send before it failed.
	 * @param explanation what was delivered, appended to the message
	 */
	void markPossiblyDelivered(String explanation) {
		this.possiblyDelivered = true;
		addNote(explanation);
	}

	/**
	 * Append an explanation to the message.
	 * @param explanation the text, free of secrets
	 */
	void addNote(String explanation) {
		String current = this.note;
		this.note = (current != null) ? current + "; " + explanation : explanation;
	}

}
