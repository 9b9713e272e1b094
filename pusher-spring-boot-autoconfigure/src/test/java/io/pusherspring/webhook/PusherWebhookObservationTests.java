package io.pusherspring.webhook;

import java.time.Instant;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherWebhookAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static io.pusherspring.webhook.SignedWebhooks.KEY;
import static io.pusherspring.webhook.SignedWebhooks.SECRET;
import static io.pusherspring.webhook.SignedWebhooks.body;
import static io.pusherspring.webhook.SignedWebhooks.request;
import static io.pusherspring.webhook.SignedWebhooks.signed;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request to the webhook path is one {@code pusher.webhook} observation, accepted
 * or rejected by reason, and every entry the built-in endpoint publishes is one
 * {@code pusher.webhook.event} observation, tagged by its type.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherWebhookObservationTests {

	private static final String MEMBER_ADDED = "{\"name\":\"member_added\",\"channel\":\"presence-class-7\",\"user_id\":\"42\"}";

	private static final String OCCUPIED = "{\"name\":\"channel_occupied\",\"channel\":\"presence-class-7\"}";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
				HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
				PusherAutoConfiguration.class, PusherWebhookAutoConfiguration.class))
		.withUserConfiguration(Listeners.class)
		.withBean("observationRegistry", TestObservationRegistry.class, TestObservationRegistry::create)
		.withPropertyValues("pusher.app-id=3", "pusher.key=" + KEY, "pusher.secret=" + SECRET);

	@Test
	void anAcceptedDeliveryIsObservedWithOneChildObservationPerEntry() {
		this.runner.run((context) -> {
			assertThat(post(context, signed(body(Instant.now(), OCCUPIED, MEMBER_ADDED)))).isEqualTo(200);
			TestObservationRegistry registry = registry(context);
			assertThat(registry).hasNumberOfObservationsWithNameEqualTo("pusher.webhook", 1)
				.hasNumberOfObservationsWithNameEqualTo("pusher.webhook.event", 2)
				.hasObservationWithNameEqualTo("pusher.webhook")
				.that()
				.hasContextualNameEqualTo("pusher webhook")
				.hasLowCardinalityKeyValue("outcome", "accepted")
				.hasLowCardinalityKeyValue("reason", "none")
				.hasHighCardinalityKeyValue("events", "channel_occupied,member_added")
				.hasBeenStopped();
			assertThat(registry).hasAnObservation((observation) -> observation.hasNameEqualTo("pusher.webhook.event")
				.hasContextualNameEqualTo("pusher webhook member_added")
				.hasLowCardinalityKeyValue("event.type", "member_added")
				.hasLowCardinalityKeyValue("outcome", "success")
				.doesNotHaveLowCardinalityKeyValueWithKey("channel")
				.hasHighCardinalityKeyValue("channel", "presence-class-7"));
			assertThat(registry).hasObservationWithNameEqualTo("pusher.webhook.event")
				.that()
				.hasParentObservationContextSatisfying(
						(parent) -> assertThat(parent.getName()).isEqualTo("pusher.webhook"));
		});
	}

	@Test
	void aRejectedDeliveryIsTaggedWithTheReasonAndPublishesNothing() {
		this.runner.run((context) -> {
			String body = body(Instant.now(), OCCUPIED);
			assertThat(post(context, request(body, KEY, "00".repeat(32)))).isEqualTo(401);
			assertThat(post(context, request(body, "other-key", "00".repeat(32)))).isEqualTo(401);
			assertThat(post(context, signed(body(Instant.now().minusSeconds(3600), OCCUPIED)))).isEqualTo(401);
			assertThat(registry(context)).hasNumberOfObservationsWithNameEqualTo("pusher.webhook", 3)
				.hasNumberOfObservationsWithNameEqualTo("pusher.webhook.event", 0)
				.forAllObservationsWithNameEqualTo("pusher.webhook",
						(observation) -> observation.hasLowCardinalityKeyValue("outcome", "rejected")
							.doesNotHaveHighCardinalityKeyValueWithKey("events"))
				.hasAnObservationWithAKeyValue("reason", "invalid_signature")
				.hasAnObservationWithAKeyValue("reason", "unknown_key")
				.hasAnObservationWithAKeyValue("reason", "expired");
		});
	}

	@Test
	void aListenerFailureFailsItsEntryAndTheDelivery() {
		this.runner.run((context) -> {
			String failing = "{\"name\":\"member_added\",\"channel\":\"presence-class-7\",\"user_id\":\"throw\"}";
			assertThat(post(context, signed(body(Instant.now(), failing, OCCUPIED)))).isEqualTo(500);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.webhook")
				.that()
				.hasLowCardinalityKeyValue("outcome", "failed");
			assertThat(registry(context))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("event.type", "member_added")
					.hasLowCardinalityKeyValue("outcome", "failure")
					.hasError())
				.hasAnObservation(
						(observation) -> observation.hasLowCardinalityKeyValue("event.type", "channel_occupied")
							.hasLowCardinalityKeyValue("outcome", "success"));
		});
	}

	@Test
	void anEntryOfAnUnknownTypeIsNotATagOfItsName() {
		this.runner.run((context) -> {
			String unknown = "{\"name\":\"something_new_" + "x".repeat(40) + "\",\"channel\":\"a\"}";
			assertThat(post(context, signed(body(Instant.now(), unknown)))).isEqualTo(200);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.webhook.event")
				.that()
				.hasLowCardinalityKeyValue("event.type", "unknown");
		});
	}

	@Test
	void observesNothingWhenObservationsAreDisabled() {
		this.runner.withPropertyValues("pusher.observations.enabled=false").run((context) -> {
			assertThat(post(context, signed(body(Instant.now(), OCCUPIED)))).isEqualTo(200);
			assertThat(registry(context)).doesNotHaveAnyObservation();
		});
	}

	@Test
	void usesTheApplicationsConventions() {
		this.runner
			.withBean(PusherWebhookObservationConvention.class, () -> new DefaultPusherWebhookObservationConvention() {

				@Override
				public String getName() {
					return "classroom.webhooks";
				}

			})
			.withBean(PusherWebhookEventObservationConvention.class,
					() -> new DefaultPusherWebhookEventObservationConvention() {

						@Override
						public KeyValues getLowCardinalityKeyValues(PusherWebhookEventObservationContext context) {
							return super.getLowCardinalityKeyValues(context).and("tenant", "school-1");
						}

					})
			.run((context) -> {
				post(context, signed(body(Instant.now(), OCCUPIED)));
				assertThat(registry(context)).hasObservationWithNameEqualTo("classroom.webhooks")
					.that()
					.hasLowCardinalityKeyValue("outcome", "accepted");
				assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.webhook.event")
					.that()
					.hasLowCardinalityKeyValue("tenant", "school-1");
			});
	}

	private static TestObservationRegistry registry(AssertableWebApplicationContext context) {
		return context.getBean(TestObservationRegistry.class);
	}

	private static int post(AssertableWebApplicationContext context, MockHttpServletRequest request) throws Exception {
		PusherWebhookFilter filter = context.getBean(PusherWebhookFilter.class);
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).addFilter(filter, filter.getPath()).build();
		return mvc.perform((servletContext) -> request).andReturn().getResponse().getStatus();
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		@Bean
		Listener listener() {
			return new Listener();
		}

	}

	static class Listener {

		@EventListener
		void on(MemberAdded event) {
			if (event.userId().equals("throw")) {
				throw new IllegalStateException("listener broke");
			}
		}

	}

}
