package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a request to Pusher could not complete: the connection failed, was dropped,
 * or no answer arrived within the read timeout. {@link #isPossiblyDelivered()} tells
 * whether the request had been sent when that happened: Pusher may then have delivered
 * the event, since the HTTP API has no idempotency key.
 */
public class PusherConnectionException extends PusherException {

	/**
	 * Create an exception for a request that may have been sent: nothing tells that it
	 * was not.
	 * @param message what failed
	 * @param cause the I/O failure, or {@code null}
	 */
	public PusherConnectionException(String message, @Nullable Throwable cause) {
		this(message, cause, true);
	}

	/**
	 * Create an exception that says whether the request was sent.
	 * @param message what failed
	 * @param cause the I/O failure, or {@code null}
	 * @param requestSent whether the request had been (at least partly) written to the
	 * connection when it failed: {@code false} for a refused connection, a connect
	 * timeout or a failed TLS handshake; {@code true} for a read timeout or a connection
	 * closed or reset after sending
	 */
	public PusherConnectionException(String message, @Nullable Throwable cause, boolean requestSent) {
		super(message, cause, requestSent);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
