package io.pusherspring.integration.event;

import java.util.List;
import java.util.Map;

import io.pusherspring.event.PusherBroadcast;

/**
 * A tutoring agent changed its status: broadcast to the agent's private channel.
 *
 * @param agentId the agent
 * @param status its new status
 */
public record AgentStatusChanged(String agentId, String status) implements PusherBroadcast {

	@Override
	public List<String> channels() {
		return List.of("private-agent-" + this.agentId);
	}

	@Override
	public String event() {
		return "agent.status";
	}

	@Override
	public Object data() {
		return Map.of("status", this.status);
	}

}
