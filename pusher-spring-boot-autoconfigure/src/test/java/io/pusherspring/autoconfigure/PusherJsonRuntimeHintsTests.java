package io.pusherspring.autoconfigure;

import java.util.List;

import io.pusherspring.auth.PusherAuthorizationEvent;
import io.pusherspring.core.BatchResult;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.webhook.CacheMiss;
import io.pusherspring.webhook.ChannelOccupied;
import io.pusherspring.webhook.ChannelVacated;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.PusherWebhook;
import io.pusherspring.webhook.SubscriptionCount;
import io.pusherspring.webhook.UnknownWebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherJsonRuntimeHints}.
 */
class PusherJsonRuntimeHintsTests {

	static final List<Class<?>> RECORDS = List.of(PusherWebhook.class, ChannelOccupied.class, ChannelVacated.class,
			MemberAdded.class, MemberRemoved.class, ClientEvent.class, CacheMiss.class, SubscriptionCount.class,
			UnknownWebhookEvent.class, PusherAuthorizationEvent.class, TriggerResult.class, BatchResult.class,
			ChannelInfo.class);

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@ParameterizedTest(name = "{0}")
	@FieldSource("RECORDS")
	void recordCanBeWrittenAndReadByJackson(Class<?> record) {
		RuntimeHints hints = new RuntimeHints();
		new PusherJsonRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(hints).matches(this.reflection.onConstructorInvocation(record.getDeclaredConstructors()[0]));
		for (var component : record.getRecordComponents()) {
			assertThat(hints).matches(this.reflection.onMethodInvocation(component.getAccessor()));
		}
	}

	@Test
	void coversEveryWebhookEvent() {
		assertThat(PusherJsonRuntimeHints.records()).containsExactlyInAnyOrderElementsOf(RECORDS);
	}

	@Test
	void isRegisteredForAheadOfTimeProcessing() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class))
			.hasAtLeastOneElementOfType(PusherJsonRuntimeHints.class);
	}

}
