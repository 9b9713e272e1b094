package io.pusherspring.webhook;

import java.time.Instant;

/**
 * {@code channel_occupied}: a channel got its first subscriber.
 *
 * @param channel the channel name
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record ChannelOccupied(String channel, String id, Instant time) implements WebhookEvent {

	/** Pusher's name for this event. */
	public static final String NAME = "channel_occupied";

	@Override
	public String name() {
		return NAME;
	}

}
