package io.pusherspring.core;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.retry.RetryPolicy;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every {@link PusherTemplate} call is one observation, validation and retries included,
 * named and tagged by {@link DefaultPusherObservationConvention} unless the application
 * replaces the convention.
 */
class PusherTemplateObservationTests {

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private final ScriptedTransport transport = new ScriptedTransport();

	private final PusherTemplate template = PusherTemplate.builder(this.transport)
		.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(1)).build())
		.observationRegistry(this.registry)
		.build();

	@Test
	void aTriggerIsOneObservationTaggedByEventAndChannelKindWithTheChannelsInTheTrace() {
		this.template.trigger(List.of("private-class-7", "private-class-8"), "announcement.posted", "{}");
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasContextualNameEqualTo("pusher trigger announcement.posted")
			.hasLowCardinalityKeyValue("operation", "trigger")
			.hasLowCardinalityKeyValue("event", "announcement.posted")
			.hasLowCardinalityKeyValue("channel.kind", "private")
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("error.type", "none")
			.doesNotHaveLowCardinalityKeyValueWithKey("channels")
			.hasHighCardinalityKeyValue("channels", "private-class-7,private-class-8")
			.hasBeenStopped()
			.doesNotHaveError();
	}

	@Test
	void aClientErrorIsNotRetriedAndIsTaggedWithItsStatus() {
		this.transport.thenAnswer(403);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.template.trigger("orders", "created", "{}"));
		assertThat(this.transport.requests()).hasSize(1);
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "client_error")
			.hasLowCardinalityKeyValue("error.type", "403")
			.hasError();
	}

	@Test
	void aServerErrorRetriedToExhaustionIsOneObservationOfTheWholeCall() {
		this.transport.thenAnswer(500, 502, 503);
		assertThatExceptionOfType(PusherApiException.class)
			.isThrownBy(() -> this.template.trigger("orders", "created", "{}"));
		assertThat(this.transport.requests()).hasSize(3);
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "server_error")
			.hasLowCardinalityKeyValue("error.type", "503");
	}

	@Test
	void aRetryThatSucceedsIsASuccess() {
		this.transport.thenAnswer(503);
		this.template.trigger("orders", "created", "{}");
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "success")
			.hasLowCardinalityKeyValue("error.type", "none");
	}

	@Test
	void noAnswerIsAnIoErrorThatTellsATimeoutFromAConnectionFailure() {
		this.transport.thenFail(ScriptedFailures::readTimeout)
			.thenFail(ScriptedFailures::readTimeout)
			.thenFail(ScriptedFailures::readTimeout);
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> this.template.trigger("orders", "created", "{}"));
		this.transport.thenFail(ScriptedFailures::refused)
			.thenFail(ScriptedFailures::refused)
			.thenFail(ScriptedFailures::refused);
		assertThatExceptionOfType(PusherConnectionException.class)
			.isThrownBy(() -> this.template.trigger("orders", "created", "{}"));
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.map((context) -> context.getLowCardinalityKeyValues()
				.stream()
				.filter((key) -> !key.getKey().equals("event"))
				.toList())
			.containsExactly(
					List.of(KeyValue.of("channel.kind", "public"), KeyValue.of("error.type", "timeout"),
							KeyValue.of("operation", "trigger"), KeyValue.of("outcome", "io_error")),
					List.of(KeyValue.of("channel.kind", "public"), KeyValue.of("error.type", "connection"),
							KeyValue.of("operation", "trigger"), KeyValue.of("outcome", "io_error"))));
	}

	@Test
	void aCallThatBreaksPusherRulesIsObservedAsInvalidWithoutIo() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger("bad channel", "created", "{}"));
		assertThat(this.transport.requests()).isEmpty();
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("outcome", "invalid")
			.hasLowCardinalityKeyValue("error.type", "validation")
			.hasHighCardinalityKeyValue("channels", "bad channel");
	}

	@Test
	void anEventNamePusherRefusesIsNotATag() {
		String tooLong = "e".repeat(PusherLimits.MAX_EVENT_NAME_LENGTH + 1);
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger("orders", tooLong, "{}"));
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("event", "invalid")
			.hasContextualNameEqualTo("pusher trigger");
	}

	@Test
	void aMissingChannelOrEventNameIsRefusedAndObservedAsInvalid() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger(Arrays.asList("orders", null), "created", "{}"));
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger(new PusherMessage(List.of("orders"), null, "{}", null, null)));
		assertThat(this.transport.requests()).isEmpty();
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pusher.template", 2)
			.forAllObservationsWithNameEqualTo("pusher.template",
					(context) -> context.hasLowCardinalityKeyValue("outcome", "invalid")
						.hasLowCardinalityKeyValue("channel.kind", "public")
						.hasHighCardinalityKeyValue("channels", "orders"));
		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.map((context) -> context.getLowCardinalityKeyValue("event").getValue())
			.containsExactly("created", "invalid"));
	}

	@ParameterizedTest
	@CsvSource({ "orders, public", "private-orders, private", "presence-room, presence",
			"private-encrypted-secrets, encrypted", "private-encrypted-cache-secrets, encrypted", "cache-prices, cache",
			"private-cache-prices, cache", "presence-cache-room, cache" })
	void channelKindFollowsThePrefix(String channel, String kind) {
		this.template.channel(channel);
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("operation", "channel")
			.hasLowCardinalityKeyValue("event", "none")
			.hasLowCardinalityKeyValue("channel.kind", kind)
			.hasContextualNameEqualTo("pusher channel");
	}

	@Test
	void sendToUserIsOnTheUsersChannel() {
		this.template.sendToUser("42", "notification", "{}");
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("operation", "send_to_user")
			.hasLowCardinalityKeyValue("channel.kind", "user")
			.hasHighCardinalityKeyValue("channels", "#server-to-user-42");
	}

	@Test
	void aBatchOfSeveralEventsAndKindsIsMultipleAndMixed() {
		this.template.triggerBatch(
				List.of(PusherMessage.of("orders", "created", "{}"), PusherMessage.of("private-orders", "paid", "{}")));
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("operation", "trigger_batch")
			.hasLowCardinalityKeyValue("event", "multiple")
			.hasLowCardinalityKeyValue("channel.kind", "mixed")
			.hasContextualNameEqualTo("pusher trigger_batch");
	}

	@Test
	void aBatchOfOneEventNameIsTaggedWithIt() {
		this.template.triggerBatch(
				List.of(PusherMessage.of("orders", "created", "{}"), PusherMessage.of("invoices", "created", "{}")));
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("event", "created")
			.hasLowCardinalityKeyValue("channel.kind", "public");
	}

	@Test
	void queriesThatNameNoChannelHaveNoChannelKind() {
		this.transport.thenAnswer(new PusherResponse(200, "{\"channels\":{}}"));
		this.template.channels("presence-");
		this.template.terminateUserConnections("42");
		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("pusher.template", 2)
			.forAllObservationsWithNameEqualTo("pusher.template",
					(context) -> context.hasLowCardinalityKeyValue("channel.kind", "none")
						.hasLowCardinalityKeyValue("event", "none")
						.doesNotHaveHighCardinalityKeyValueWithKey("channels"));
	}

	@Test
	void aTraceNamesAtMostTenChannelsAndCountsTheRest() {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "class-" + i).toList();
		this.template.trigger(channels, "announcement.posted", "{}");
		assertThat(this.transport.requests()).hasSize(3);
		assertThat(this.registry).hasNumberOfObservationsEqualTo(1)
			.hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasHighCardinalityKeyValue("channels", String.join(",", channels.subList(0, 10)) + ",… (240 more)");
	}

	@Test
	void anAsynchronousTriggerIsObservedUntilItsFutureCompletes() {
		this.transport.thenAnswer(500, 500, 500);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("orders", "created", "{}")).join())
			.withCauseInstanceOf(PusherApiException.class);
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("operation", "trigger")
			.hasLowCardinalityKeyValue("outcome", "server_error")
			.hasLowCardinalityKeyValue("error.type", "500")
			.assertThatError()
			.isInstanceOf(PusherApiException.class);
	}

	@Test
	void anAsynchronousTriggerRefusedBeforeIoIsObservedAtOnce() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("orders", "", "{}")));
		assertThat(this.registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "invalid");
	}

	@Test
	void anApplicationConventionReplacesTheDefault() {
		PusherTemplate custom = PusherTemplate.builder(this.transport)
			.observationRegistry(this.registry)
			.observationConvention(new DefaultPusherObservationConvention() {

				@Override
				public String getName() {
					return "classroom.broadcasts";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(PusherObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "school-1");
				}

			})
			.build();
		custom.trigger("orders", "created", Map.of("id", 1));
		assertThat(this.registry).hasObservationWithNameEqualTo("classroom.broadcasts")
			.that()
			.hasLowCardinalityKeyValue("tenant", "school-1")
			.hasLowCardinalityKeyValue("event", "created");
	}

	@Test
	void aRegistryGivenHandlersAfterTheTemplateIsBuiltObservesFromThenOn() {
		ObservationRegistry later = ObservationRegistry.create();
		PusherTemplate template = PusherTemplate.builder(this.transport).observationRegistry(later).build();
		template.trigger("orders", "created", "{}");
		List<String> observed = new CopyOnWriteArrayList<>();
		later.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		template.trigger("orders", "shipped", "{}");
		assertThat(observed).containsExactly("pusher.template");
		assertThat(this.transport.requests()).hasSize(2);
	}

	@Test
	void theNoopRegistryObservesNothingAndStillSends() {
		PusherTemplate unobserved = PusherTemplate.builder(this.transport)
			.observationRegistry(ObservationRegistry.NOOP)
			.build();
		unobserved.trigger("orders", "created", "{}");
		assertThat(this.registry).doesNotHaveAnyObservation();
		assertThat(this.transport.requests()).hasSize(1);
	}

}
