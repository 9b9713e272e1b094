package io.pusherspring.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code client_event}: a client triggered a {@code client-} event on a private or
 * presence channel.
 *
 * @param channel the channel name
 * @param event the client event's name, such as {@code client-typing}
 * @param data the event's data as the client sent it, usually JSON text
 * @param socketId the sender's socket id
 * @param userId the sender's user id on a presence channel, else {@code null}
 * @param id the entry's stable id, for de-duplicating retries
 * @param time when Pusher sent the webhook
 */
public record ClientEvent(String channel, String event, String data, String socketId, @Nullable String userId,
		String id, Instant time) implements WebhookEvent {

	/** Pusher's name for this event. */
	public static final String NAME = "client_event";

	private static final JsonMapper json = JsonMapper.shared();

	@Override
	public String name() {
		return NAME;
	}

	/**
	 * The data read as JSON into a type, with a default {@link JsonMapper}; to use
	 * another mapper, read {@link #data()} with it.
	 * @param <T> the type
	 * @param type the type to read
	 * @return the data
	 * @throws tools.jackson.core.JacksonException if the data is not JSON of that type
	 */
	public <T> T data(Class<T> type) {
		return json.readValue(this.data, type);
	}

}
