package io.pusherspring.test.local;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON messages of the Pusher WebSocket protocol that {@code LocalPusherServer}
 * sends. Event data goes out as Pusher sends it: a JSON-encoded string, except the
 * {@code pusher:error} and {@code pusher:subscription_error} details (objects) and client
 * events, whose data is forwarded as the client sent it.
 */
final class ProtocolFrames {

	static final JsonMapper json = JsonMapper.shared();

	static final String PONG = "{\"event\":\"pusher:pong\",\"data\":\"{}\"}";

	static final String PING = "{\"event\":\"pusher:ping\",\"data\":\"{}\"}";

	private ProtocolFrames() {
	}

	static String connectionEstablished(String socketId, long activityTimeoutSeconds) {
		return event("pusher:connection_established", null,
				json.writeValueAsString(Map.of("socket_id", socketId, "activity_timeout", activityTimeoutSeconds)));
	}

	/**
	 * An event whose data is a string, as triggered through the HTTP API.
	 */
	static String event(String event, @Nullable String channel, String data) {
		ObjectNode message = json.createObjectNode();
		message.put("event", event);
		if (channel != null) {
			message.put("channel", channel);
		}
		message.put("data", data);
		return json.writeValueAsString(message);
	}

	/**
	 * A client event as others receive it: the data as the sender gave it, and on
	 * presence channels the sender's user id.
	 */
	static String clientEvent(String event, String channel, JsonNode data, @Nullable String userId) {
		ObjectNode message = json.createObjectNode();
		message.put("event", event);
		message.put("channel", channel);
		message.set("data", data);
		if (userId != null) {
			message.put("user_id", userId);
		}
		return json.writeValueAsString(message);
	}

	static String error(@Nullable Integer code, String text) {
		ObjectNode data = json.createObjectNode();
		data.put("code", code);
		data.put("message", text);
		ObjectNode message = json.createObjectNode();
		message.put("event", "pusher:error");
		message.set("data", data);
		return json.writeValueAsString(message);
	}

	static String subscriptionError(String channel, String type, String error, int status) {
		ObjectNode data = json.createObjectNode();
		data.put("type", type);
		data.put("error", error);
		data.put("status", status);
		ObjectNode message = json.createObjectNode();
		message.put("event", "pusher:subscription_error");
		message.put("channel", channel);
		message.set("data", data);
		return json.writeValueAsString(message);
	}

	static String subscriptionSucceeded(String channel) {
		return event("pusher_internal:subscription_succeeded", channel, "{}");
	}

	static String presenceSubscriptionSucceeded(String channel, Map<String, JsonNode> members) {
		ObjectNode hash = json.createObjectNode();
		members.forEach(hash::set);
		ObjectNode presence = json.createObjectNode();
		presence.set("ids", json.valueToTree(List.copyOf(members.keySet())));
		presence.set("hash", hash);
		presence.put("count", members.size());
		ObjectNode data = json.createObjectNode();
		data.set("presence", presence);
		return event("pusher_internal:subscription_succeeded", channel, json.writeValueAsString(data));
	}

	static String memberAdded(String channel, String userId, JsonNode userInfo) {
		ObjectNode data = json.createObjectNode();
		data.put("user_id", userId);
		data.set("user_info", userInfo);
		return event("pusher_internal:member_added", channel, json.writeValueAsString(data));
	}

	static String memberRemoved(String channel, String userId) {
		return event("pusher_internal:member_removed", channel, json.writeValueAsString(Map.of("user_id", userId)));
	}

	static String signinSuccess(String userData) {
		return event("pusher:signin_success", null, json.writeValueAsString(Map.of("user_data", userData)));
	}

	static String cacheMiss(String channel) {
		return event("pusher:cache_miss", channel, "{}");
	}

	static String subscriptionCount(String channel, int count) {
		return event("pusher_internal:subscription_count", channel,
				json.writeValueAsString(Map.of("subscription_count", count)));
	}

	/**
	 * Watchlist events: of the connection, not of a channel, like
	 * {@code pusher:signin_success}.
	 * @param userIdsByEvent the user ids of each event ({@code online}, {@code offline}),
	 * in order
	 */
	static String watchlistEvents(Map<String, List<String>> userIdsByEvent) {
		ArrayNode events = json.createArrayNode();
		userIdsByEvent.forEach((name, userIds) -> {
			ObjectNode event = events.addObject();
			event.put("name", name);
			event.set("user_ids", json.valueToTree(userIds));
		});
		ObjectNode data = json.createObjectNode();
		data.set("events", events);
		return event("pusher_internal:watchlist_events", null, json.writeValueAsString(data));
	}

}
