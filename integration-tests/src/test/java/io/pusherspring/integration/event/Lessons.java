package io.pusherspring.integration.event;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates lessons that a reviewer approves or rejects in the same transaction.
 */
@Service
public class Lessons {

	private final ContentService contents;

	public Lessons(ContentService contents) {
		this.contents = contents;
	}

	@Transactional
	public GeneratedContent generateAndReview(String userId, boolean approved) {
		GeneratedContent lesson = this.contents.generate(userId, "lesson");
		if (!approved) {
			throw new LessonRejectedException();
		}
		return lesson;
	}

	static class LessonRejectedException extends RuntimeException {

		LessonRejectedException() {
			super("The reviewer rejected the lesson");
		}

	}

}
