package io.pusherspring.sample;

import java.util.List;
import java.util.Map;

import io.pusherspring.event.PusherBroadcast;

/**
 * The roster of live sessions changed: broadcast to the teachers.
 *
 * @param sessions session ids to the names of the students present
 */
record RosterChanged(Map<String, List<String>> sessions) implements PusherBroadcast {

	@Override
	public List<String> channels() {
		return List.of(SessionRoster.CHANNEL);
	}

	@Override
	public String event() {
		return "roster.updated";
	}

	@Override
	public Object data() {
		return Map.of("sessions", this.sessions);
	}

}
