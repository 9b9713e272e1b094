package io.pusherspring.integration.operating.slice;

import java.util.Map;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link RecordPusherEvents @RecordPusherEvents} in a {@code @WebMvcTest} slice with the
 * actuator on the class path: events are recorded, and observed when the test brings an
 * observation registry.
 */
@WebMvcTest(QuizController.class)
@Import(RecordPusherEventsInAWebMvcSliceTests.Observations.class)
@RecordPusherEvents
class RecordPusherEventsInAWebMvcSliceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private TestObservationRegistry observations;

	@Test
	void recordsAndObservesWhatAControllerTriggers() throws Exception {
		this.mvc.perform(post("/classes/7/quizzes").with(user("teacher")).with(csrf())).andExpect(status().isCreated());
		assertThat(this.pusher).hasTriggered("class-7", "quiz.started").withData(Map.of("classId", 7));
		assertThat(this.observations).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("event", "quiz.started")
			.hasLowCardinalityKeyValue("outcome", "success");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
