package io.pusherspring.webhook;

import java.time.Instant;

/**
 * {@code subscription_count}: the number of subscriptions to a channel changed.
 *
 * @param channel the channel name
 * @param subscriptionCount the number of subscriptions
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record SubscriptionCount(String channel, int subscriptionCount, String id,
		Instant time) implements WebhookEvent {

	/** Pusher's name for this event. */
	public static final String NAME = "subscription_count";

	@Override
	public String name() {
		return NAME;
	}

}
