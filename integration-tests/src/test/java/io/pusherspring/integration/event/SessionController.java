package io.pusherspring.integration.event;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teacher's endpoint for starting a session; pusher-js sends the teacher's socket id
 * in {@code X-Socket-ID}.
 */
@RestController
public class SessionController {

	private final SessionService sessions;

	public SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/sessions/{sessionId}/start")
	public LiveSession start(@PathVariable long sessionId, @RequestParam long classId) {
		return this.sessions.start(sessionId, classId);
	}

}
