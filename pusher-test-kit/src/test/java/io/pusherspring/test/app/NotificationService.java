package io.pusherspring.test.app;

import java.util.Map;

import io.pusherspring.core.PusherOperations;

/**
 * Publishes the classroom's notifications to Pusher.
 */
public class NotificationService {

	private final PusherOperations pusher;

	public NotificationService(PusherOperations pusher) {
		this.pusher = pusher;
	}

	/**
	 * Tell a class who joined.
	 * @param channel the class's presence channel
	 * @param userId the member who joined
	 */
	public void memberJoined(String channel, String userId) {
		this.pusher.trigger(channel, "roster.changed", Map.of("joined", userId));
	}

}
