package io.pusherspring.sample;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP entry point for announcements.
 *
 * @author pusher-spring-boot
 */
@RestController
class AnnouncementController {

	private final Announcements announcements;

	AnnouncementController(Announcements announcements) {
		this.announcements = announcements;
	}

	@PostMapping("/api/classes/{classId}/announcements")
	@ResponseStatus(HttpStatus.CREATED)
	Announcement post(@PathVariable long classId, @RequestBody AnnouncementRequest request) {
		return this.announcements.post(classId, request.text());
	}

	record AnnouncementRequest(String text) {
	}

}
