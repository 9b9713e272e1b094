package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * What the Pusher HTTP API answered.
 *
 * @param statusCode the HTTP status
 * @param body the response body, possibly empty
 * @param retryAfter the {@code Retry-After} header, or {@code null} if there was none
 */
public record PusherResponse(int statusCode, String body, @Nullable String retryAfter) {

	/**
	 * An answer without a {@code Retry-After} header.
	 * @param statusCode the HTTP status
	 * @param body the response body, possibly empty
	 */
	public PusherResponse(int statusCode, String body) {
		this(statusCode, body, null);
	}

	/**
	 * Whether the status is 2xx.
	 * @return {@code true} on success
	 */
	public boolean isSuccessful() {
		return this.statusCode >= 200 && this.statusCode < 300;
	}

}
