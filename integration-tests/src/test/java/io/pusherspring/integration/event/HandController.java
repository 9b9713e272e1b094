package io.pusherspring.integration.event;

import java.util.Map;

import io.pusherspring.event.PusherEvent;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student raises a hand in a live session: everyone else in the session sees it.
 */
@RestController
public class HandController {

	@PostMapping("/sessions/{sessionId}/hands")
	@PusherEvent(channels = "presence-session-#{#sessionId}", event = "hand.raised", data = "#result", toOthers = true)
	public Map<String, Object> raise(@PathVariable long sessionId, @RequestParam String userId) {
		return Map.of("userId", userId);
	}

}
