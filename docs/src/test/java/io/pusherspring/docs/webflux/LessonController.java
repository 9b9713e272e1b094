package io.pusherspring.docs.webflux;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Calls the {@code @PusherEvent} methods of {@link LessonService} from WebFlux handlers.
 */
@RestController
class LessonController {

	private final LessonService lessons;

	LessonController(LessonService lessons) {
		this.lessons = lessons;
	}

	@PostMapping("/classes/{classId}/lessons")
	Mono<Lesson> start(@PathVariable long classId, @RequestParam String title) {
		return this.lessons.start(classId, title);
	}

	@PostMapping("/classes/{classId}/questions")
	Mono<List<String>> ask(@PathVariable long classId, @RequestBody List<String> questions) {
		return this.lessons.askAll(classId, Flux.fromIterable(questions)).collectList();
	}

}
