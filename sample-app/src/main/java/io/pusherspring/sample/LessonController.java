package io.pusherspring.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A student asks for a lesson; it is written in the background, and its progress and
 * content arrive on the student's private channel.
 */
@RestController
class LessonController {

	private final Lessons lessons;

	private final TutorAgent tutor;

	LessonController(Lessons lessons, TutorAgent tutor) {
		this.lessons = lessons;
		this.tutor = tutor;
	}

	@PostMapping("/api/lessons")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Lesson request(Authentication user, @RequestBody @Valid LessonRequest request) {
		Lesson lesson = this.lessons.request(user.getName(), request.topic().strip());
		this.tutor.write(lesson);
		return lesson;
	}

	/**
	 * What a student asks for.
	 *
	 * @param topic the lesson's topic
	 */
	record LessonRequest(@NotBlank @Size(max = 100) String topic) {
	}

}
