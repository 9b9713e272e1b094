package io.pusherspring.sample;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The teachers' view of who is in which live session (see {@link SecurityConfiguration}).
 */
@RestController
class RosterController {

	private final SessionRoster roster;

	RosterController(SessionRoster roster) {
		this.roster = roster;
	}

	@GetMapping("/api/roster")
	Map<String, Map<String, List<String>>> roster() {
		return Map.of("sessions", this.roster.snapshot());
	}

}
