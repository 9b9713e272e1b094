package io.pusherspring.webhook;

import java.time.Instant;

/**
 * {@code cache_miss}: a client subscribed to a cache channel that holds no cached event.
 *
 * @param channel the channel name
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record CacheMiss(String channel, String id, Instant time) implements WebhookEvent {

	/** Pusher's name for this event. */
	public static final String NAME = "cache_miss";

	@Override
	public String name() {
		return NAME;
	}

}
