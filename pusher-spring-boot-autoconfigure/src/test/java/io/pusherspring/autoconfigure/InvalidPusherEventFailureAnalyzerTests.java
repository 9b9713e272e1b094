package io.pusherspring.autoconfigure;

import io.pusherspring.event.InvalidPusherEventException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link InvalidPusherEventFailureAnalyzer}.
 */
class InvalidPusherEventFailureAnalyzerTests {

	@Test
	void explainsTheMethodAndTheAttribute() throws Exception {
		InvalidPusherEventException invalid = new InvalidPusherEventException(
				Lessons.class.getDeclaredMethod("publish", String.class), "channels",
				"'private-user-#{#user}' refers to #user, which is neither an argument nor #result");
		FailureAnalysis analysis = new InvalidPusherEventFailureAnalyzer()
			.analyze(new BeanCreationException("lessons", "Initialization of bean failed", invalid));
		assertThat(analysis.getDescription()).isEqualTo(
				"@PusherEvent on InvalidPusherEventFailureAnalyzerTests.Lessons.publish(String), attribute 'channels': "
						+ "'private-user-#{#user}' refers to #user, which is neither an argument nor #result");
		assertThat(analysis.getAction()).startsWith("Fix the 'channels' attribute of @PusherEvent on ")
			.contains("Lessons.publish(java.lang.String)");
	}

	static class Lessons {

		String publish(String userId) {
			return userId;
		}

	}

}
