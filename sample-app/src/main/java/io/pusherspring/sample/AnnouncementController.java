package io.pusherspring.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP entry point for announcements, to a class or to everyone; teachers only (see
 * {@link SecurityConfiguration}). Invalid requests are answered with 400 and a
 * {@link org.springframework.http.ProblemDetail} (see {@link ApiErrorHandler}) before
 * anything is published.
 */
@RestController
class AnnouncementController {

	private final Announcements announcements;

	private final ClassroomUsers users;

	AnnouncementController(Announcements announcements, ClassroomUsers users) {
		this.announcements = announcements;
		this.users = users;
	}

	@PostMapping("/api/classes/{classId}/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	Announcement post(@PathVariable @Positive long classId, @RequestBody @Valid AnnouncementRequest request) {
		return this.announcements.post(classId, request.text());
	}

	@PostMapping("/api/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	PublicAnnouncement postToEveryone(Authentication teacher, @RequestBody @Valid AnnouncementRequest request) {
		return this.announcements.postToEveryone(this.users.nameOf(teacher.getName()), request.text());
	}

	/**
	 * What a teacher posts.
	 *
	 * @param text the announcement; at most {@value #MAX_TEXT_LENGTH} characters, so that
	 * an announcement always fits in Pusher's 10KB payload limit, even with every
	 * character escaped in JSON
	 */
	record AnnouncementRequest(@NotBlank @Size(max = MAX_TEXT_LENGTH) String text) {

		static final int MAX_TEXT_LENGTH = 1000;

	}

}
