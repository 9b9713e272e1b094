package io.pusherspring.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.core.retry.RetryPolicy;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link ReactivePusherTemplate} makes the same calls as its {@link PusherTemplate}, with
 * the same validation, chunking, retries, listeners and observations, each when its
 * {@code Mono} is subscribed.
 */
class ReactivePusherTemplateTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final List<String> heard = new CopyOnWriteArrayList<>();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final PusherTemplate template = PusherTemplate.builder(this.transport)
		.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
		.publishListener(new PusherPublishListener() {

			@Override
			public void onSuccess(PusherMessage message, TriggerResult result) {
				ReactivePusherTemplateTests.this.heard.add("sent " + message.event());
			}

			@Override
			public void onError(PusherMessage message, PusherException exception) {
				ReactivePusherTemplateTests.this.heard.add("failed " + message.event());
			}

		})
		.observationRegistry(this.registry)
		.build();

	private final ReactivePusherOperations reactive = new ReactivePusherTemplate(this.template);

	static Stream<Arguments> operations() {
		List<PusherMessage> batch = IntStream.range(0, 12)
			.mapToObj((i) -> PusherMessage.of("c" + i, "e", "{}"))
			.toList();
		List<String> channels = IntStream.range(0, 150).mapToObj((i) -> "c" + i).toList();
		return Stream.of(
				operation("trigger", (ops) -> ops.trigger("orders", "created", Map.of("id", 1)),
						(ops) -> ops.trigger("orders", "created", Map.of("id", 1))),
				operation("trigger on 150 channels", (ops) -> ops.trigger(channels, "created", "{}"),
						(ops) -> ops.trigger(channels, "created", "{}")),
				operation("trigger a message",
						(ops) -> ops.trigger(PusherMessage.builder()
							.channel("presence-room")
							.event("e")
							.data("{}")
							.info(ChannelInfo.USER_COUNT)
							.excludeSocketId("1.2")
							.build()),
						(ops) -> ops.trigger(PusherMessage.builder()
							.channel("presence-room")
							.event("e")
							.data("{}")
							.info(ChannelInfo.USER_COUNT)
							.excludeSocketId("1.2")
							.build())),
				operation("triggerBatch of 12", (ops) -> ops.triggerBatch(batch), (ops) -> ops.triggerBatch(batch)),
				operation("sendToUser", (ops) -> ops.sendToUser("42", "hello", "{}"), (ops) -> {
					ops.sendToUser("42", "hello", "{}");
					return null;
				}),
				operation("channel", (ops) -> ops.channel("presence-room", ChannelInfo.USER_COUNT),
						(ops) -> ops.channel("presence-room", ChannelInfo.USER_COUNT)),
				operation("channels", (ops) -> ops.channels("presence-", ChannelInfo.USER_COUNT),
						(ops) -> ops.channels("presence-", ChannelInfo.USER_COUNT)),
				operation("users", (ops) -> ops.users("presence-room"), (ops) -> ops.users("presence-room")),
				operation("terminateUserConnections", (ops) -> ops.terminateUserConnections("42"), (ops) -> {
					ops.terminateUserConnections("42");
					return null;
				}));
	}

	private static Arguments operation(String name, Function<ReactivePusherOperations, Mono<?>> reactive,
			Function<PusherOperations, @Nullable Object> blocking) {
		return Arguments.of(name, reactive, blocking);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void sendsWhatTheBlockingTemplateSendsOnlyOnceSubscribed(String name,
			Function<ReactivePusherOperations, Mono<?>> reactive,
			Function<PusherOperations, @Nullable Object> blocking) {
		blocking.apply(this.template);
		List<PusherRequest> expected = this.transport.requests();
		List<String> expectedHeard = List.copyOf(this.heard);
		Mono<?> call = reactive.apply(this.reactive);
		assertThat(this.transport.requests()).hasSameSizeAs(expected);
		call.block();
		assertThat(this.transport.requests()).hasSize(expected.size() * 2);
		assertThat(this.transport.requests().subList(expected.size(), expected.size() * 2))
			.containsExactlyElementsOf(expected);
		assertThat(this.heard).containsExactlyElementsOf(concat(expectedHeard, expectedHeard));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(2);
	}

	@Test
	void eachSubscriptionIsACallOfItsOwn() {
		Mono<TriggerResult> call = this.reactive.trigger("orders", "created", "{}");
		call.block();
		call.block();
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void aBrokenRuleIsAnErrorSignalAndNothingIsSent() {
		Mono<TriggerResult> call = this.reactive.trigger("bad channel!", "created", "{}");
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(call::block)
			.withMessageContaining("bad channel!");
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(
				() -> this.reactive.triggerBatch(List.of(PusherMessage.of("a", "pusher:internal", "{}"))).block());
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.reactive.users("private-not-presence").block());
		assertThat(this.transport.requests()).isEmpty();
		assertThat(this.heard).containsExactly("failed created", "failed pusher:internal");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(3)
			.forAllObservationsWithNameEqualTo("pusher.template",
					(observation) -> observation.hasLowCardinalityKeyValue("outcome", "invalid"));
	}

	@Test
	void transientFailuresAreRetriedAndTheLastOneIsTheErrorSignal() {
		this.transport.thenAnswer(503, 503, 503);
		assertThat(errorOf(this.reactive.trigger("orders", "created", "{}")))
			.isInstanceOfSatisfying(PusherApiException.class, (ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(503);
				assertThat(ex.getSuppressed()).hasSize(2);
			});
		assertThat(this.transport.requests()).hasSize(3);
		assertThat(this.heard).containsExactly("failed created");
	}

	@Test
	void aRetryAfterASuccessfulRetryDeliversOnce() {
		this.transport.thenAnswer(500);
		assertThat(this.reactive.trigger("orders", "created", "{}").block()).isEqualTo(TriggerResult.empty());
		assertThat(this.transport.requests()).hasSize(2);
		assertThat(this.heard).containsExactly("sent created");
	}

	@Test
	void theObservationIsNestedUnderTheOneInTheSubscribersContext() {
		Observation parent = Observation.start("request", this.registry);
		this.reactive.trigger("orders", "created", "{}")
			.contextWrite((context) -> context.put(TemplateObservations.CONTEXT_KEY, parent))
			.block();
		parent.stop();
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasParentObservationEqualTo(parent);
	}

	@Test
	void cancellingTheSubscriptionCancelsTheCallInFlight() {
		CompletableFuture<PusherResponse> inFlight = new CompletableFuture<>();
		PusherTemplate waiting = PusherTemplate.builder((request) -> inFlight).build();
		new ReactivePusherTemplate(waiting).trigger("orders", "created", "{}").subscribe().dispose();
		assertThat(inFlight).isCancelled();
	}

	/**
	 * The error signal as it is ({@code block()} would add a suppressed exception).
	 */
	private static Throwable errorOf(Mono<?> call) {
		return call.then(Mono.<Throwable>error(new AssertionError("no error signal")))
			.onErrorResume((ex) -> !(ex instanceof AssertionError), Mono::just)
			.block();
	}

	private static <T> List<T> concat(List<T> first, List<T> second) {
		return Stream.concat(first.stream(), second.stream()).toList();
	}

}
