package io.pusherspring.autoconfigure;

import java.util.List;

/**
 * Thrown at start-up when {@code pusher.app-id}, {@code pusher.key} or
 * {@code pusher.secret} has no value.
 *
 * @author pusher-spring-boot
 */
class MissingPusherCredentialsException extends IllegalStateException {

	private final List<String> properties;

	MissingPusherCredentialsException(List<String> properties) {
		super("Pusher credentials are not configured: " + String.join(", ", properties) + " must be set");
		this.properties = List.copyOf(properties);
	}

	List<String> getProperties() {
		return this.properties;
	}

}
