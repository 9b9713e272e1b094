package io.pusherspring.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A verified webhook delivery: its key, signature, size and age have been checked. The
 * built-in endpoint publishes each of its {@link #events()} as an application event; an
 * application controller mapped on the webhook path finds it in the request attribute
 * {@link PusherWebhookFilter#WEBHOOK_ATTRIBUTE}.
 *
 * @param time when Pusher sent the webhook ({@code time_ms})
 * @param events its entries, in the order Pusher sent them
 */
public record PusherWebhook(Instant time, List<WebhookEvent> events) {

	/**
	 * Create a delivery, keeping an unmodifiable copy of its entries.
	 * @param time when Pusher sent the webhook
	 * @param events its entries, in the order Pusher sent them
	 */
	public PusherWebhook {
		events = List.copyOf(events);
	}

	/**
	 * The entries of one kind.
	 * @param <E> the kind
	 * @param type the kind, such as {@code MemberAdded.class}
	 * @return those entries, in order
	 */
	public <E extends WebhookEvent> List<E> events(Class<E> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

}
