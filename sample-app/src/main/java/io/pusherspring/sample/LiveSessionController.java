package io.pusherspring.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teacher starts and ends live sessions (see {@link SecurityConfiguration}); students
 * check in while one is live.
 */
@RestController
class LiveSessionController {

	private final LiveSessions sessions;

	LiveSessionController(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/api/sessions/{sessionId}/start")
	LiveSession start(@PathVariable long sessionId) {
		return this.sessions.start(sessionId);
	}

	@PostMapping("/api/sessions/{sessionId}/end")
	AssessmentSummary end(@PathVariable long sessionId) {
		return this.sessions.end(sessionId);
	}

	@PostMapping("/api/sessions/{sessionId}/check-ins")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void checkIn(@PathVariable long sessionId, Authentication user, @RequestBody @Valid CheckIn checkIn) {
		this.sessions.checkIn(sessionId, user.getName(), checkIn.understood());
	}

	/**
	 * A student's answer to "did you follow?".
	 *
	 * @param understood yes or no
	 */
	record CheckIn(@NotNull Boolean understood) {
	}

}
