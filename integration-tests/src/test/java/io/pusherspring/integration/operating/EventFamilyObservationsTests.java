package io.pusherspring.integration.operating;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.operating.docs.EventFamilyObservations;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's convention: an application's {@code PusherObservationConvention} bean
 * reaches the auto-configured template.
 */
@SpringBootTest(classes = EventFamilyObservationsTests.Application.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordPusherEvents
class EventFamilyObservationsTests {

	@Autowired
	private PusherOperations pusherOperations;

	@Autowired
	private MeterRegistry meters;

	@Test
	void tagsByEventFamily() {
		this.pusherOperations.trigger("class-7", "announcement.posted", Map.of("id", 1));
		this.pusherOperations.trigger("class-7", "announcement.edited", Map.of("id", 1));
		assertThat(this.meters.get("pusher.template").tags("event", "announcement").timer().count()).isEqualTo(2);
		assertThat(this.meters.find("pusher.template").tags("event", "announcement.posted").timer()).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(EventFamilyObservations.class)
	static class Application {

	}

}
