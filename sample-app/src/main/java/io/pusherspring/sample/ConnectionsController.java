package io.pusherspring.sample;

import io.pusherspring.core.PusherOperations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A teacher ends every Pusher connection of a student, on every device (see
 * {@link SecurityConfiguration}).
 */
@RestController
class ConnectionsController {

	private final PusherOperations pusher;

	private final ClassroomUsers users;

	ConnectionsController(PusherOperations pusher, ClassroomUsers users) {
		this.pusher = pusher;
		this.users = users;
	}

	// tag::disconnect[]
	@PostMapping("/api/users/{userId}/disconnect")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void disconnect(@PathVariable String userId) {
		if (!this.users.isStudent(userId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No student " + userId);
		}
		this.pusher.terminateUserConnections(userId);
	}
	// end::disconnect[]

}
