package io.pusherspring.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a webhook body, {@code {"time_ms": ..., "events": [...]}}, into a
 * {@link PusherWebhook}. Uses its own strict mapper, so that an application's Jackson
 * settings cannot change the protocol.
 */
final class WebhookParser {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private WebhookParser() {
	}

	/**
	 * Read a body.
	 * @param body the raw body
	 * @param idPrefix the delivery's part of each entry's id
	 * @return the webhook
	 * @throws MalformedWebhookException if the body is not a webhook
	 */
	static PusherWebhook parse(byte[] body, String idPrefix) throws MalformedWebhookException {
		JsonNode root = readTree(body);
		if (root == null || !root.isObject()) {
			throw new MalformedWebhookException("the body is not a JSON object");
		}
		JsonNode timeMs = root.get("time_ms");
		if (timeMs == null || !timeMs.isIntegralNumber() || !timeMs.canConvertToLong()) {
			throw new MalformedWebhookException("'time_ms' is missing or not an integer");
		}
		JsonNode entries = root.get("events");
		if (entries == null || !entries.isArray()) {
			throw new MalformedWebhookException("'events' is missing or not an array");
		}
		Instant time = Instant.ofEpochMilli(timeMs.longValue());
		List<WebhookEvent> events = new ArrayList<>(entries.size());
		int index = 0;
		for (JsonNode entry : entries.values()) {
			events.add(event(entry, index, idPrefix + "-" + index, time));
			index++;
		}
		return new PusherWebhook(time, events);
	}

	private static @Nullable JsonNode readTree(byte[] body) throws MalformedWebhookException {
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedWebhookException("the body is not JSON");
		}
	}

	private static WebhookEvent event(JsonNode entry, int index, String id, Instant time)
			throws MalformedWebhookException {
		if (!entry.isObject()) {
			throw new MalformedWebhookException("event " + index + " is not a JSON object");
		}
		String name = text(entry, "name", index);
		return switch (name) {
			case ChannelOccupied.NAME -> new ChannelOccupied(text(entry, "channel", index), id, time);
			case ChannelVacated.NAME -> new ChannelVacated(text(entry, "channel", index), id, time);
			case MemberAdded.NAME ->
				new MemberAdded(text(entry, "channel", index), text(entry, "user_id", index), id, time);
			case MemberRemoved.NAME ->
				new MemberRemoved(text(entry, "channel", index), text(entry, "user_id", index), id, time);
			case ClientEvent.NAME ->
				new ClientEvent(text(entry, "channel", index), text(entry, "event", index), data(entry, index),
						text(entry, "socket_id", index), optionalText(entry, "user_id", index), id, time);
			case CacheMiss.NAME -> new CacheMiss(text(entry, "channel", index), id, time);
			case SubscriptionCount.NAME ->
				new SubscriptionCount(text(entry, "channel", index), count(entry, index), id, time);
			default -> {
				String channel = optionalText(entry, "channel", index);
				yield new UnknownWebhookEvent(name, (channel != null) ? channel : "", entry.toString(), id, time);
			}
		};
	}

	private static String text(JsonNode entry, String field, int index) throws MalformedWebhookException {
		String value = optionalText(entry, field, index);
		if (value == null || value.isEmpty()) {
			throw new MalformedWebhookException("event " + index + " has no '" + field + "'");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode entry, String field, int index)
			throws MalformedWebhookException {
		JsonNode value = entry.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedWebhookException("event " + index + " has a '" + field + "' that is not a string");
		}
		return value.stringValue();
	}

	/**
	 * Pusher sends a client event's data as the string the client sent; data that is JSON
	 * itself is kept as its text.
	 */
	private static String data(JsonNode entry, int index) throws MalformedWebhookException {
		JsonNode data = entry.get("data");
		if (data == null || data.isNull()) {
			throw new MalformedWebhookException("event " + index + " has no 'data'");
		}
		return data.isString() ? data.stringValue() : data.toString();
	}

	private static int count(JsonNode entry, int index) throws MalformedWebhookException {
		JsonNode count = entry.get("subscription_count");
		if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
			throw new MalformedWebhookException(
					"event " + index + " has no 'subscription_count' that is a non-negative integer");
		}
		return count.intValue();
	}

}
