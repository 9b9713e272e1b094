package io.pusherspring.reactive;

import java.time.Duration;
import java.util.Map;

import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.event.PusherEvent;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.RecordPusherEvents;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RecordPusherEvents @RecordPusherEvents} in a reactive web application on Reactor
 * Netty, driven over HTTP by {@link WebTestClient}: the {@link PusherRecorder} hears what
 * handlers publish through {@link ReactivePusherOperations} and what a
 * {@code @PusherEvent} method returning a {@code Mono} publishes, and starts each test
 * empty.
 */
@SpringBootTest(classes = RecordPusherEventsWebFluxTests.ReactiveApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
@RecordPusherEvents
class RecordPusherEventsWebFluxTests {

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
		this.client.post().uri("/orders/{id}", 42).exchange().expectStatus().isOk();
		assertThat(this.pusher).hasTriggered("orders", "order.created").withData(Map.of("id", "42"));
	}

	@Test
	void recordsWhatAPusherEventMethodReturningAMonoPublishes() {
		this.client.post().uri("/orders/{id}/shipping", 42).exchange().expectStatus().isOk();
		assertThat(this.pusher).hasTriggered("private-order-42", "order.shipped").withData("42");
	}

	@Test
	void startsEachTestWithAnEmptyRecorder(PusherRecorder recorder) {
		assertThat(recorder).hasNoEvents();
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void anInvalidEventIsAnErrorAndRecordsNothing(CapturedOutput output) {
		this.client.post().uri("/orders/{id}/invalid", 42).exchange().expectStatus().is5xxServerError();
		assertThat(this.pusher).hasNoEvents();
		assertThat(output.getAll().lines().filter((line) -> line.contains("Failed to publish")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains(" ERROR ")
			.contains("'pusher:reserved' to orders");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import(Shipping.class)
	@RestController
	static class ReactiveApplication {

		@Autowired
		private ReactivePusherOperations pusher;

		@Autowired
		private Shipping shipping;

		@PostMapping("/orders/{id}")
		Mono<Void> create(@PathVariable String id) {
			return this.pusher.trigger("orders", "order.created", Map.of("id", id)).then();
		}

		@PostMapping("/orders/{id}/shipping")
		Mono<String> ship(@PathVariable String id) {
			return this.shipping.ship(id);
		}

		@PostMapping("/orders/{id}/invalid")
		Mono<Void> invalid(@PathVariable String id) {
			return this.pusher.trigger("orders", "pusher:reserved", id).then();
		}

	}

	static class Shipping {

		@PusherEvent(channels = "private-order-#{#orderId}", event = "order.shipped")
		public Mono<String> ship(String orderId) {
			return Mono.fromSupplier(() -> orderId);
		}

	}

}
