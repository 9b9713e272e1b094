package io.pusherspring.integration.operating.slice;

import java.util.Map;

import io.pusherspring.core.PusherOperations;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts a quiz and tells the class.
 */
@RestController
class QuizController {

	private final PusherOperations pusher;

	QuizController(PusherOperations pusher) {
		this.pusher = pusher;
	}

	@PostMapping("/classes/{classId}/quizzes")
	@ResponseStatus(HttpStatus.CREATED)
	void start(@PathVariable long classId) {
		this.pusher.trigger("class-" + classId, "quiz.started", Map.of("classId", classId));
	}

}
