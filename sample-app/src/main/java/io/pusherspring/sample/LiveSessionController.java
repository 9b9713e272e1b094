package io.pusherspring.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where a live session stands, for a page that opens while it runs; the teacher starts
 * and ends it (see {@link SecurityConfiguration}); students check in while it is live. A
 * session id that is not positive is answered with 400, one that does not exist with 404,
 * and neither is published.
 */
@RestController
class LiveSessionController {

	private final LiveSessions sessions;

	LiveSessionController(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping("/api/sessions/{sessionId}")
	LiveSession session(@PathVariable @Positive long sessionId) {
		return this.sessions.find(sessionId).orElseThrow(() -> LiveSessionException.unknown(sessionId));
	}

	@PostMapping("/api/sessions/{sessionId}/start")
	LiveSession start(@PathVariable @Positive long sessionId) {
		return this.sessions.start(sessionId);
	}

	@PostMapping("/api/sessions/{sessionId}/end")
	AssessmentSummary end(@PathVariable @Positive long sessionId) {
		return this.sessions.end(sessionId);
	}

	@PostMapping("/api/sessions/{sessionId}/check-ins")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void checkIn(@PathVariable @Positive long sessionId, Authentication user, @RequestBody @Valid CheckIn checkIn) {
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
