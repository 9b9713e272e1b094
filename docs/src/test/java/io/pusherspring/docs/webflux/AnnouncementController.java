package io.pusherspring.docs.webflux;

import io.pusherspring.core.ReactivePusherOperations;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes from a WebFlux handler with {@link ReactivePusherOperations}.
 */
// tag::reactive-operations[]
@RestController
class AnnouncementController {

	private final ReactivePusherOperations pusher;

	AnnouncementController(ReactivePusherOperations pusher) {
		this.pusher = pusher;
	}

	@PostMapping("/classes/{classId}/announcements")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<Void> announce(@PathVariable long classId, @RequestBody Announcement announcement) {
		// nothing is sent until WebFlux subscribes; an invalid channel is an error signal
		return this.pusher.trigger("private-class-" + classId, "announcement.posted", announcement).then();
	}

}
// end::reactive-operations[]
