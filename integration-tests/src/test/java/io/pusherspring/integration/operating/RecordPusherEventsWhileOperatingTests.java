package io.pusherspring.integration.operating;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecordPusherEvents @RecordPusherEvents} keeps working with the actuator, the
 * observations and the health indicator: events are recorded, observed, and the
 * {@code pusher} component answers from the recording transport, with no network.
 */
@SpringBootTest(classes = RecordPusherEventsWhileOperatingTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordPusherEvents
class RecordPusherEventsWhileOperatingTests {

	@Autowired
	private PusherOperations pusherOperations;

	@Autowired
	private PusherRecorder recorder;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private HealthIndicator pusherHealthIndicator;

	@Test
	void recordsObservesAndReportsHealthWithoutTheNetwork() {
		this.pusherOperations.trigger("class-7", "quiz.started", Map.of("id", 1));
		assertThat(this.recorder).hasTriggered("class-7", "quiz.started").withData(Map.of("id", 1));
		assertThat(
				this.meters.get("pusher.template").tags("event", "quiz.started", "outcome", "success").timer().count())
			.isEqualTo(1);
		assertThat(this.pusherHealthIndicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(this.recorder.events()).hasSize(1);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
