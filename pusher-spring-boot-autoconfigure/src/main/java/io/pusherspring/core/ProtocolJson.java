package io.pusherspring.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the Pusher HTTP API: request bodies and the answers to parse. Uses its own
 * mapper so that an application's Jackson settings cannot change the protocol.
 */
final class ProtocolJson {

	private static final JsonMapper json = JsonMapper.shared();

	private ProtocolJson() {
	}

	static String triggerBody(List<String> channels, PreparedEvent event) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", event.name());
		body.put("channels", channels);
		body.put("data", event.data());
		putOptional(body, event.socketId(), event.info());
		return json.writeValueAsString(body);
	}

	static String batchBody(List<BatchEvent> events) {
		List<Map<String, Object>> batch = new ArrayList<>(events.size());
		for (BatchEvent event : events) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("channel", event.channel());
			item.put("name", event.name());
			item.put("data", event.data());
			putOptional(item, event.socketId(), event.info());
			batch.add(item);
		}
		return json.writeValueAsString(Map.of("batch", batch));
	}

	private static void putOptional(Map<String, Object> body, @Nullable String socketId, Set<String> info) {
		if (socketId != null) {
			body.put("socket_id", socketId);
		}
		if (!info.isEmpty()) {
			body.put("info", String.join(",", info));
		}
	}

	static TriggerResult triggerResult(PusherRequest request, PusherResponse response) {
		JsonNode channels = parse(request, response).path("channels");
		Map<String, ChannelInfo> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : channels.properties()) {
			result.put(entry.getKey(), counted(entry.getKey(), entry.getValue()));
		}
		return new TriggerResult(result);
	}

	static List<TriggerResult> batchResults(PusherRequest request, PusherResponse response, List<BatchEvent> sent) {
		JsonNode batch = parse(request, response).path("batch");
		List<TriggerResult> results = new ArrayList<>(sent.size());
		for (int i = 0; i < sent.size(); i++) {
			JsonNode attributes = batch.path(i);
			String channel = sent.get(i).channel();
			results.add((attributes.isObject() && !attributes.isEmpty())
					? new TriggerResult(Map.of(channel, counted(channel, attributes))) : TriggerResult.empty());
		}
		return results;
	}

	static ChannelInfo channelInfo(String channel, PusherRequest request, PusherResponse response) {
		JsonNode node = parse(request, response);
		return new ChannelInfo(channel, node.path("occupied").asBoolean(false), integer(node, ChannelInfo.USER_COUNT),
				integer(node, ChannelInfo.SUBSCRIPTION_COUNT));
	}

	static Map<String, ChannelInfo> channelList(PusherRequest request, PusherResponse response) {
		Map<String, ChannelInfo> result = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : parse(request, response).path("channels").properties()) {
			JsonNode node = entry.getValue();
			result.put(entry.getKey(), new ChannelInfo(entry.getKey(), true, integer(node, ChannelInfo.USER_COUNT),
					integer(node, ChannelInfo.SUBSCRIPTION_COUNT)));
		}
		return result;
	}

	static List<String> userIds(PusherRequest request, PusherResponse response) {
		List<String> ids = new ArrayList<>();
		for (JsonNode user : parse(request, response).path("users").values()) {
			ids.add(user.path("id").asString());
		}
		return ids;
	}

	/**
	 * Trigger info reports counts only; a channel with a known count is occupied exactly
	 * when that count is positive.
	 */
	private static ChannelInfo counted(String channel, JsonNode attributes) {
		Integer users = integer(attributes, ChannelInfo.USER_COUNT);
		Integer subscriptions = integer(attributes, ChannelInfo.SUBSCRIPTION_COUNT);
		boolean occupied = (users != null && users > 0) || (subscriptions != null && subscriptions > 0);
		return new ChannelInfo(channel, occupied, users, subscriptions);
	}

	private static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isIntegralNumber()) ? value.intValue() : null;
	}

	private static JsonNode parse(PusherRequest request, PusherResponse response) {
		String body = response.body();
		if (body.isBlank() || body.equals("{}")) {
			// what Pusher answers to every trigger that asks for no info
			return json.createObjectNode();
		}
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new PusherApiException(request.describe() + " answered with a body that is not JSON",
					response.statusCode(), Redaction.scrub(body));
		}
	}

	/**
	 * An event ready to send: validated, serialized and, for an encrypted channel,
	 * encrypted.
	 */
	record PreparedEvent(List<String> channels, String name, String data, @Nullable String socketId, Set<String> info) {

		PreparedEvent withData(String data) {
			return new PreparedEvent(this.channels, this.name, data, this.socketId, this.info);
		}

	}

	/**
	 * One entry of a batch: a single channel each.
	 */
	record BatchEvent(String channel, String name, String data, @Nullable String socketId, Set<String> info) {
	}

}
