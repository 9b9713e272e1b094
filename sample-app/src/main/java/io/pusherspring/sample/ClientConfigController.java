package io.pusherspring.sample;

import java.util.List;

import io.pusherspring.autoconfigure.PusherClientSettings;
import io.pusherspring.autoconfigure.PusherProperties;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tells the page who is signed in and how pusher-js connects, so that nothing about the
 * Pusher app is written into the page itself.
 */
@RestController
class ClientConfigController {

	private final PusherClientSettings pusher;

	private final ClassroomUsers users;

	private final String socketIdHeader;

	ClientConfigController(PusherClientSettings pusher, PusherProperties properties, ClassroomUsers users) {
		this.pusher = pusher;
		this.users = users;
		this.socketIdHeader = properties.getEvents().getSocketIdHeader();
	}

	@GetMapping("/api/client-config")
	ClientConfig clientConfig(Authentication authentication) {
		return new ClientConfig(this.pusher, this.users.find(authentication.getName()).orElseThrow(),
				this.users.students(), this.socketIdHeader, Announcements.DEMO_CLASS, LiveSessions.CLASS_SESSION);
	}

	/**
	 * The page's settings.
	 *
	 * @param pusher how pusher-js connects
	 * @param user who is signed in
	 * @param students the class's students
	 * @param socketIdHeader the header that carries the page's socket id, so that events
	 * the page caused leave it out
	 * @param classId the class, whose announcements the page shows
	 * @param sessionId the class's live session
	 */
	record ClientConfig(PusherClientSettings pusher, ClassroomUser user, List<ClassroomUser> students,
			String socketIdHeader, long classId, long sessionId) {
	}

}
