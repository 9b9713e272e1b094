package io.pusherspring.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.ReceivedRequest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application on Reactor Netty calls every {@link ReactivePusherOperations}
 * operation from its handlers, on Netty's event loop, against a {@link FakePusherServer}
 * that checks each request's signature, under BlockHound: no call blocks the event loop.
 */
@SpringBootTest(classes = ReactivePusherOperationsBlockHoundTests.PublishingApplication.class,
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
class ReactivePusherOperationsBlockHoundTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	static final List<String> handlerThreads = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	private WebTestClient client;

	@BeforeEach
	void reset() {
		BlockingCalls.reset();
		handlerThreads.clear();
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		pusher.stubChannel("presence-room", 2, "ada", "grace");
	}

	static Stream<Arguments> operations() {
		return Stream.of(Arguments.of("trigger", "TriggerResult[channels={}]", 1),
				Arguments.of("triggerOn250Channels", "TriggerResult[channels={}]", 3),
				Arguments.of("triggerWithInfo",
						"TriggerResult[channels={presence-room=ChannelInfo[name=presence-room, occupied=true, "
								+ "userCount=2, subscriptionCount=null]}]",
						1),
				Arguments.of("triggerBatchOf25", "25 results", 3), Arguments.of("sendToUser", "done", 1),
				Arguments.of("channel",
						"ChannelInfo[name=presence-room, occupied=true, userCount=2, subscriptionCount=2]", 1),
				Arguments.of("channels", "[presence-room]", 1), Arguments.of("users", "[ada, grace]", 1),
				Arguments.of("terminateUserConnections", "done", 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void everyOperationAnswersWithoutBlockingTheEventLoop(String operation, String answer, int requests) {
		this.client.get()
			.uri("/pusher/{operation}", operation)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo(answer);
		assertThat(handlerThreads).singleElement().asString().startsWith("webflux-http-");
		assertThat(pusher.requests()).hasSize(requests)
			.allSatisfy((request) -> assertThat(request.status())
				.as("the fake server checked the signature of %s", request.path())
				.isEqualTo(200));
		assertThat(BlockingCalls.detected()).isEmpty();
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void aValidationFailureIsAnErrorSignalAndNothingIsSent(CapturedOutput output) {
		this.client.get()
			.uri("/pusher/invalid")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("PusherValidationException");
		assertThat(pusher.requests()).isEmpty();
		assertThat(BlockingCalls.detected()).isEmpty();
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("Failed to publish 'e' to no spaces allowed");
		assertThat(output).doesNotContain("\tat ");
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void blockHoundCatchesABlockingCallOnTheEventLoop(CapturedOutput output) {
		this.client.get().uri("/sleep").exchange().expectStatus().is5xxServerError();
		assertThat(output).contains("500 Server Error for HTTP GET \"/sleep\"");
		assertThat(BlockingCalls.detected()).singleElement()
			.asString()
			.contains("java.lang.Thread.sleep")
			.contains("webflux-http-");
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@RestController
	static class PublishingApplication {

		private static final List<String> MANY_CHANNELS = IntStream.range(0, 250).mapToObj((i) -> "c" + i).toList();

		private static final List<PusherMessage> BATCH = IntStream.range(0, 25)
			.mapToObj((i) -> PusherMessage.of("c" + i, "e", Map.of("i", i)))
			.toList();

		private final Map<String, Function<ReactivePusherOperations, Mono<?>>> operations = Map.of("trigger",
				(ops) -> ops.trigger("orders", "order.created", Map.of("id", 42)), "triggerOn250Channels",
				(ops) -> ops.trigger(MANY_CHANNELS, "e", "{}"), "triggerWithInfo",
				(ops) -> ops.trigger(PusherMessage.builder()
					.channel("presence-room")
					.event("e")
					.data("{}")
					.info(ChannelInfo.USER_COUNT)
					.build()),
				"triggerBatchOf25",
				(ops) -> ops.triggerBatch(BATCH).map((batch) -> batch.results().size() + " results"), "sendToUser",
				(ops) -> ops.sendToUser("42", "hello", "{}"), "channel",
				(ops) -> ops.channel("presence-room", ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT),
				"channels", (ops) -> ops.channels("presence-").map(Map::keySet), "users",
				(ops) -> ops.users("presence-room"), "terminateUserConnections",
				(ops) -> ops.terminateUserConnections("42"), "invalid",
				(ops) -> ops.trigger("no spaces allowed", "e", "{}"));

		@Autowired
		private ReactivePusherOperations pusher;

		@GetMapping("/pusher/{operation}")
		Mono<String> call(@PathVariable String operation) {
			handlerThreads.add(Thread.currentThread().getName());
			assertThat(Schedulers.isInNonBlockingThread()).isTrue();
			return this.operations.get(operation)
				.apply(this.pusher)
				.map(String::valueOf)
				.defaultIfEmpty("done")
				.onErrorResume((ex) -> Mono.just(ex.getClass().getSimpleName()));
		}

		@GetMapping("/sleep")
		Mono<String> sleep() throws InterruptedException {
			Thread.sleep(1);
			return Mono.just("slept");
		}

	}

}
