package io.pusherspring.sample;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * A student's tutor agent: writes a requested lesson in the background, one committed
 * step at a time, and broadcasts its own status as it goes.
 */
@Component
class TutorAgent {

	private static final Log logger = LogFactory.getLog(TutorAgent.class);

	private static final List<String> STEPS = List.of("Outlining", "Writing examples", "Writing exercises");

	private final Lessons lessons;

	private final ApplicationEventPublisher events;

	private final TaskExecutor executor;

	private final Duration stepDelay;

	TutorAgent(Lessons lessons, ApplicationEventPublisher events, TaskExecutor executor,
			@Value("${classroom.tutor.step-delay:400ms}") Duration stepDelay) {
		this.lessons = lessons;
		this.events = events;
		this.executor = executor;
		this.stepDelay = stepDelay;
	}

	static String idFor(String userId) {
		return "tutor-" + userId;
	}

	void write(Lesson lesson) {
		this.executor.execute(() -> {
			try {
				writeNow(lesson);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				logger.warn("Lesson " + lesson.id() + " failed", ex);
				status(lesson, "idle");
			}
		});
	}

	private void writeNow(Lesson lesson) throws InterruptedException {
		status(lesson, "thinking");
		for (int step = 0; step < STEPS.size(); step++) {
			Thread.sleep(this.stepDelay.toMillis());
			status(lesson, "writing");
			this.lessons.advance(lesson.id(), (step + 1) * 100 / (STEPS.size() + 1), STEPS.get(step));
		}
		Thread.sleep(this.stepDelay.toMillis());
		this.lessons.complete(lesson.id(), content(lesson.topic()));
		status(lesson, "idle");
	}

	private void status(Lesson lesson, String status) {
		this.events.publishEvent(new AgentStatusChanged(idFor(lesson.userId()), status));
	}

	private static String content(String topic) {
		return "Lesson: " + topic + ". 1. What " + topic + " is. 2. A worked example. 3. Three exercises to try.";
	}

}
