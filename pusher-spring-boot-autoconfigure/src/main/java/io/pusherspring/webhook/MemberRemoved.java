package io.pusherspring.webhook;

import java.time.Instant;

/**
 * {@code member_removed}: a user left a presence channel.
 *
 * @param channel the presence channel
 * @param userId the member's user id
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record MemberRemoved(String channel, String userId, String id, Instant time) implements WebhookEvent {

	/** Pusher's name for this event. */
	public static final String NAME = "member_removed";

	@Override
	public String name() {
		return NAME;
	}

}
