package io.pusherspring.sample;

import java.util.List;
import java.util.Map;

import io.pusherspring.event.PusherBroadcast;

/**
 * A tutor agent's new status, broadcast to the agent's private channel when it is
 * published as an application event.
 *
 * @param agentId the agent
 * @param status what it is doing: {@code thinking}, {@code writing} or {@code idle}
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
		return Map.of("agentId", this.agentId, "status", this.status);
	}

}
