package io.pusherspring.docs.webflux;

import io.pusherspring.event.PusherEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * {@code @PusherEvent} on methods that return a {@link Mono} and a {@link Flux}.
 */
@Service
public class LessonService {

	// tag::pusher-event-mono[]
	@PusherEvent(channels = "private-class-#{#classId}", event = "lesson.started")
	public Mono<Lesson> start(long classId, String title) {
		// published once the Mono emits, with the lesson as #result
		return Mono.fromSupplier(() -> new Lesson(classId, title));
	}
	// end::pusher-event-mono[]

	// tag::pusher-event-flux[]
	@PusherEvent(channels = "private-class-#{#classId}", event = "question.asked", data = "{text: #result}")
	public Flux<String> askAll(long classId, Flux<String> questions) {
		// one event per element, each published before the element passes on
		return questions;
	}
	// end::pusher-event-flux[]

}
