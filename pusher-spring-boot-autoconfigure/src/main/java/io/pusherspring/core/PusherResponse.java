package io.pusherspring.core;

/**
 * What the Pusher HTTP API answered.
 *
 * @param statusCode the HTTP status
 * @param body the response body, possibly empty
 * @author pusher-spring-boot
 */
public record PusherResponse(int statusCode, String body) {

	/**
	 * Whether the status is 2xx.
	 * @return {@code true} on success
	 */
	public boolean isSuccessful() {
		return this.statusCode >= 200 && this.statusCode < 300;
	}

}
