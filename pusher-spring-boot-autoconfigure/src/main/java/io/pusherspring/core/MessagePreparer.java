package io.pusherspring.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.core.ProtocolJson.BatchEvent;
import io.pusherspring.core.ProtocolJson.PreparedEvent;

/**
 * Turns what an application publishes into events Pusher accepts, before anything is
 * sent: checks every message against {@link PusherLimits} and the channel naming rules,
 * writes its data as JSON with the application's {@link JsonMapper} (a {@code String} is
 * sent as it is), encrypts it for {@code private-encrypted-} channels, and checks its
 * size against the payload limit.
 */
final class MessagePreparer {

	private final JsonMapper jsonMapper;

	private final long maxPayloadBytes;

	private final @Nullable ChannelEncryption encryption;

	MessagePreparer(JsonMapper jsonMapper, long maxPayloadBytes, @Nullable ChannelEncryption encryption) {
		this.jsonMapper = jsonMapper;
		this.maxPayloadBytes = maxPayloadBytes;
		this.encryption = encryption;
	}

	/**
	 * A message ready to trigger: its distinct channels, its data serialized and, for an
	 * encrypted channel, encrypted.
	 */
	PreparedEvent prepare(PusherMessage message) {
		PreparedEvent event = validated(message);
		List<String> channels = event.channels();
		String encrypted = channels.stream().filter(ChannelNames::isEncrypted).findFirst().orElse(null);
		if (encrypted == null) {
			return event.withData(checkSize(event.data()));
		}
		if (channels.size() > 1) {
			throw new PusherValidationException("A trigger to several channels must not include the encrypted channel "
					+ ChannelNames.quote(encrypted) + ": data is encrypted per channel, so trigger it on its own");
		}
		return event.withData(checkSize(encryption(encrypted).encrypt(encrypted, event.data())));
	}

	/**
	 * The entries of a batch: one per channel of each message, each encrypted for its own
	 * channel where needed.
	 */
	List<BatchEvent> prepareBatch(List<PusherMessage> messages) {
		if (messages.isEmpty()) {
			throw new PusherValidationException("A batch must contain at least one message");
		}
		List<BatchEvent> events = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			PusherMessage message = messages.get(i);
			if (message == null) {
				throw new PusherValidationException("Batch message " + i + " is null");
			}
			PreparedEvent event = validated(message);
			for (String channel : event.channels()) {
				String payload = ChannelNames.isEncrypted(channel) ? encryption(channel).encrypt(channel, event.data())
						: event.data();
				events.add(new BatchEvent(channel, event.name(), checkSize(payload), event.socketId(), event.info()));
			}
		}
		return events;
	}

	/**
	 * An event for every connection of one signed-in user.
	 */
	PreparedEvent prepareForUser(String userId, String event, @Nullable Object data) {
		String channel = ChannelNames.serverToUser(userId);
		validateEventName(event);
		return new PreparedEvent(List.of(channel), event, checkSize(serialize(data)), null, Set.of());
	}

	/**
	 * The checks every message passes, whether triggered or batched, and its data
	 * serialized but not yet encrypted or measured.
	 */
	private PreparedEvent validated(PusherMessage message) {
		List<String> channels = validateChannels(message.channels());
		validateEventName(message.event());
		if (message.excludeSocketId() != null) {
			SocketIds.validate(message.excludeSocketId());
		}
		Set<String> info = validateTriggerInfo(message.info(), channels);
		return new PreparedEvent(channels, message.event(), serialize(message.data()), message.excludeSocketId(), info);
	}

	private static List<String> validateChannels(List<String> channels) {
		if (channels.isEmpty()) {
			throw new PusherValidationException("A trigger must name at least one channel");
		}
		Set<String> distinct = new LinkedHashSet<>(channels.size());
		for (String channel : channels) {
			ChannelNames.validate(channel);
			distinct.add(channel);
		}
		return List.copyOf(distinct);
	}

	private static void validateEventName(@Nullable String event) {
		if (event == null || event.isEmpty()) {
			throw new PusherValidationException("Event name must not be empty");
		}
		if (event.length() > PusherLimits.MAX_EVENT_NAME_LENGTH) {
			throw new PusherValidationException("Event name " + ChannelNames.quote(event) + " is " + event.length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_EVENT_NAME_LENGTH);
		}
		if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
			throw new PusherValidationException("Event name " + ChannelNames.quote(event)
					+ " is reserved: the prefixes 'pusher:' and 'pusher_internal:' belong to Pusher's own protocol");
		}
	}

	private static Set<String> validateTriggerInfo(Set<String> info, List<String> channels) {
		Set<String> attributes = InfoAttributes.validate(info.toArray(String[]::new), InfoAttributes.COUNTS);
		if (attributes.contains(ChannelInfo.USER_COUNT)) {
			channels.stream()
				.filter((channel) -> !ChannelNames.isPresence(channel))
				.findFirst()
				.ifPresent((channel) -> {
					throw InfoAttributes.presenceOnly(ChannelInfo.USER_COUNT, channel);
				});
		}
		return attributes;
	}

	private String serialize(@Nullable Object data) {
		if (data == null) {
			throw new PusherValidationException(
					"Event data must not be null: send a String as it is, or an object to serialize as JSON");
		}
		if (data instanceof String string) {
			return string;
		}
		try {
			return this.jsonMapper.writeValueAsString(data);
		}
		catch (JacksonException ex) {
			throw new PusherValidationException("Event data of type " + data.getClass().getName()
					+ " cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private String checkSize(String data) {
		long bytes = utf8Length(data);
		if (bytes > this.maxPayloadBytes) {
			throw new PusherValidationException("Event data is " + bytes + " bytes, over the limit of "
					+ this.maxPayloadBytes + " bytes (pusher.limits.max-payload-size); "
					+ "Pusher refuses it with 413, so send less or raise the limit if your plan allows more");
		}
		return data;
	}

	private ChannelEncryption encryption(String channel) {
		if (this.encryption == null) {
			throw new PusherValidationException("Channel " + ChannelNames.quote(channel)
					+ " is end-to-end encrypted, but no encryption master key is configured "
					+ "(pusher.encryption-master-key)");
		}
		return this.encryption;
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
