package io.pusherspring.test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.test.app.TestApplication;
import io.pusherspring.test.context.PusherTestCredentials;
import io.pusherspring.test.simulator.RecordingPusherTransport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.ApplicationContext;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link RecordPusherEvents @RecordPusherEvents} in a
 * {@code @SpringBootTest} of an application that sets no Pusher properties.
 */
@SpringBootTest(classes = TestApplication.class)
@RecordPusherEvents
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordPusherEventsIntegrationTests {

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private PusherOperations operations;

	@Autowired
	private ApplicationContext context;

	@Test
	@Order(1)
	void recordsWhatTheApplicationTriggersWithoutCredentials() {
		this.operations.trigger("private-user-42", "content.generated", Map.of("contentType", "lesson"));
		assertThat(this.pusher).hasTriggered("private-user-42", "content.generated")
			.withData("{\"contentType\":\"lesson\"}");
	}

	@Test
	@Order(2)
	void startsEachTestWithAnEmptyRecorder() {
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	@Order(3)
	void injectsTheSameRecorderAsAParameter(PusherRecorder recorder) {
		assertThat(recorder).isSameAs(this.pusher);
		this.operations.trigger("presence-class-7", "session.ended", Map.of("classId", "7"));
		assertThat(recorder).hasTriggeredTimes(1, "presence-class-7", "session.ended");
	}

	@Test
	@Order(4)
	void replacesTheTransportAndKeepsTheTemplate() {
		assertThat(this.context.getBean(PusherTransport.class)).isInstanceOf(RecordingPusherTransport.class);
		assertThat(this.context.getBeansOfType(HttpPusherTransport.class)).isEmpty();
		assertThat(this.context.getBean(PusherOperations.class)).isInstanceOf(PusherTemplate.class);
	}

	@Test
	@Order(5)
	void suppliesTestCredentials() {
		PusherConnectionDetails connectionDetails = this.context.getBean(PusherConnectionDetails.class);
		assertThat(connectionDetails.getCredentials()).isEqualTo(PusherTestCredentials.CREDENTIALS);
	}

	@Test
	@Order(6)
	@ExtendWith(QuietOutputCaptureExtension.class)
	void stillValidatesBeforeSending(CapturedOutput output) {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.operations.trigger("private-user-4#2", "content.generated", "{}"))
			.withMessageContaining("'#' is reserved");
		assertThat(this.pusher).hasNoEvents();
		assertThat(output).contains("Failed to publish 'content.generated' to private-user-4#2")
			.doesNotContain(PusherTestCredentials.CREDENTIALS.secret());
	}

	@Test
	@Order(7)
	void stillSplitsLongChannelLists() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "private-user-" + i).toList();
		this.operations.trigger(channels, "announcement", Map.of("message", "Snow day"));
		assertThat(this.pusher.events()).extracting((event) -> event.channels().size()).containsExactly(100, 100, 50);
		assertThat(this.pusher).hasTriggered("private-user-249", "announcement").withData("{\"message\":\"Snow day\"}");
	}

	@Nested
	class InANestedClass {

		@Test
		void startsEmptyAndInjectsTheRecorder(PusherRecorder recorder) {
			assertThat(recorder).isSameAs(RecordPusherEventsIntegrationTests.this.pusher).hasNoEvents();
		}

	}

}
