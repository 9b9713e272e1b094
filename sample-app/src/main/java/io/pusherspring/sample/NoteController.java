package io.pusherspring.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A teacher sends a student a private note (see {@link SecurityConfiguration}).
 */
@RestController
class NoteController {

	private final Notes notes;

	private final ClassroomUsers users;

	NoteController(Notes notes, ClassroomUsers users) {
		this.notes = notes;
		this.users = users;
	}

	@PostMapping("/api/users/{userId}/notes")
	@ResponseStatus(HttpStatus.CREATED)
	Note send(@PathVariable String userId, Authentication teacher, @RequestBody @Valid NoteRequest request) {
		if (!this.users.isStudent(userId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No student " + userId);
		}
		return this.notes.send(userId, this.users.nameOf(teacher.getName()), request.text());
	}

	/**
	 * What a teacher writes.
	 *
	 * @param text the note
	 */
	record NoteRequest(@NotBlank @Size(max = 500) String text) {
	}

}
