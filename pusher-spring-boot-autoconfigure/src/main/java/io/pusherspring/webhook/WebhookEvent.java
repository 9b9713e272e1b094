package io.pusherspring.webhook;

import java.time.Instant;

/**
 * One entry of a verified Pusher webhook, published as an application event: listen with
 * {@code @EventListener} for one of its records, or for {@code WebhookEvent} to hear them
 * all.
 * <p>
 * Pusher retries a delivery that was not answered with 2xx for 5 minutes, so a listener
 * can see the same entry more than once. {@link #id()} is the same for every retry of an
 * entry and different for every other entry: keep the ids handled recently to handle each
 * entry once.
 */
public sealed interface WebhookEvent permits ChannelOccupied, ChannelVacated, MemberAdded, MemberRemoved, ClientEvent,
		CacheMiss, SubscriptionCount, UnknownWebhookEvent {

	/**
	 * Pusher's name for this kind of entry, such as {@code member_added}.
	 * @return the name
	 */
	String name();

	/**
	 * The channel the entry is about; empty only for an {@link UnknownWebhookEvent}
	 * without one.
	 * @return the channel name
	 */
	String channel();

	/**
	 * A stable id to de-duplicate retried deliveries with: derived from the delivery's
	 * signature (so from its exact body) and the entry's position in it.
	 * @return the id
	 */
	String id();

	/**
	 * When Pusher sent the webhook ({@code time_ms}).
	 * @return the time
	 */
	Instant time();

}
