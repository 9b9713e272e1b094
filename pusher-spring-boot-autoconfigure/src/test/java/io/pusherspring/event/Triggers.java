package io.pusherspring.event;

import java.util.ArrayList;
import java.util.List;

import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.ScriptedTransport;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The triggers a {@link ScriptedTransport} received, read back from their JSON bodies.
 */
final class Triggers {

	private Triggers() {
	}

	static List<Trigger> of(ScriptedTransport transport) {
		List<Trigger> triggers = new ArrayList<>();
		for (PusherRequest request : transport.requests()) {
			JsonNode body = JsonMapper.shared().readTree(request.body());
			List<String> channels = new ArrayList<>();
			body.get("channels").forEach((channel) -> channels.add(channel.asString()));
			JsonNode socketId = body.get("socket_id");
			triggers.add(new Trigger(channels, body.get("name").asString(), body.get("data").asString(),
					(socketId != null) ? socketId.asString() : null));
		}
		return triggers;
	}

	record Trigger(List<String> channels, String event, String data, @Nullable String socketId) {

	}

}
