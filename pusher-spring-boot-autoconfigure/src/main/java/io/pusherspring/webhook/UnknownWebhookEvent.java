package io.pusherspring.webhook;

import java.time.Instant;

/**
 * An entry whose name this library does not know, such as one Pusher added later.
 *
 * @param name Pusher's name for the entry
 * @param channel the channel name, or empty if the entry has none
 * @param json the whole entry as JSON text
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record UnknownWebhookEvent(String name, String channel, String json, String id,
		Instant time) implements WebhookEvent {

}
