package io.pusherspring.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One event as it was sent to Pusher: a trigger call, or one entry of a batch.
 *
 * @param channels the channels it went to
 * @param event the event name
 * @param data the data exactly as sent (JSON for objects; ciphertext for encrypted
 * channels)
 * @param excludedSocketId the socket left out, or {@code null}
 * @param time when it was recorded
 */
public record RecordedEvent(List<String> channels, String event, String data, @Nullable String excludedSocketId,
		Instant time) {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	/**
	 * An event as it was sent.
	 * @param channels the channels it went to
	 * @param event the event name
	 * @param data the data exactly as sent
	 * @param excludedSocketId the socket left out, or {@code null}
	 * @param time when it was recorded
	 */
	public RecordedEvent {
		channels = List.copyOf(channels);
	}

	/**
	 * Whether the event went to a channel.
	 * @param channel the channel name
	 * @return {@code true} if it is one of {@link #channels()}
	 */
	public boolean isOn(String channel) {
		return this.channels.contains(channel);
	}

	/**
	 * Read the data as JSON into a type.
	 * @param <T> the type
	 * @param type the class to read into
	 * @return the data
	 */
	public <T> T dataAs(Class<T> type) {
		return JsonMapper.shared().readValue(this.data, type);
	}

	/**
	 * Read the data as a JSON object.
	 * @return the data as a map
	 */
	public Map<String, Object> dataAsMap() {
		return JsonMapper.shared().readValue(this.data, MAP);
	}

	@Override
	public String toString() {
		return this.channels + " " + this.event + " " + this.data
				+ ((this.excludedSocketId != null) ? " (excluding socket " + this.excludedSocketId + ")" : "");
	}

}
