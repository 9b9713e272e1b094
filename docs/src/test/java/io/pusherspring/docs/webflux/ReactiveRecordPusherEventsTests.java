package io.pusherspring.docs.webflux;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.core.ReactivePusherTemplate;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.test.simulator.RecordingPusherTransport;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecordPusherEvents @RecordPusherEvents} in a reactive web application on Reactor
 * Netty, driven over HTTP by {@link WebTestClient}: the recorder hears what
 * {@link ReactivePusherOperations} and {@code @PusherEvent} methods returning a
 * {@code Mono} or a {@code Flux} publish.
 */
// tag::webflux-test[]
@SpringBootTest(classes = ClassroomReactiveApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.main.web-application-type=reactive")
@RecordPusherEvents
class ReactiveRecordPusherEventsTests {

	@Autowired
	private PusherRecorder pusher;

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	@Test
	void recordsWhatAHandlerPublishesThroughReactivePusherOperations() {
		this.client.post()
			.uri("/classes/{classId}/announcements", 7)
			.bodyValue(new Announcement("Quiz on Friday"))
			.exchange()
			.expectStatus()
			.isAccepted();
		assertThat(this.pusher).hasTriggered("private-class-7", "announcement.posted")
			.withData(Map.of("text", "Quiz on Friday"));
	}

	@Test
	void recordsWhatAPusherEventOnAMonoPublishes() {
		this.client.post()
			.uri("/classes/{classId}/lessons?title={title}", 7, "Fractions")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(this.pusher).hasTriggered("private-class-7", "lesson.started")
			.withData(Map.of("classId", 7, "title", "Fractions"));
	}
	// end::webflux-test[]

	@Test
	void recordsOneEventPerElementOfAFlux() {
		List<String> answered = this.client.post()
			.uri("/classes/{classId}/questions", 7)
			.bodyValue(List.of("Why?", "How?"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<String>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(answered).containsExactly("Why?", "How?");
		assertThat(this.pusher).hasTriggeredTimes(2, "private-class-7", "question.asked");
		assertThat(this.pusher.events()).extracting((event) -> event.dataAsMap().get("text"))
			.containsExactly("Why?", "How?");
	}

	@Test
	void startsEachTestWithAnEmptyRecorder() {
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void anAnnouncementOverThePayloadLimitIsAnErrorAndRecordsNothing(CapturedOutput output) {
		this.client.post()
			.uri("/classes/{classId}/announcements", 7)
			.bodyValue(new Announcement("x".repeat(11 * 1024)))
			.exchange()
			.expectStatus()
			.is5xxServerError();
		assertThat(this.pusher).hasNoEvents();
		assertThat(output.getAll().lines().filter((line) -> line.contains("Failed to publish")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains(" ERROR ")
			.contains("'announcement.posted' to private-class-7")
			.contains("over the limit");
	}

	@Test
	void theReactiveTemplateSharesTheRecordingTransport(ApplicationContext context) {
		assertThat(context.getBean(ReactivePusherOperations.class)).isInstanceOf(ReactivePusherTemplate.class);
		assertThat(context.getBeansOfType(RecordingPusherTransport.class)).hasSize(1);
	}

	// tag::webflux-test[]

}
// end::webflux-test[]
