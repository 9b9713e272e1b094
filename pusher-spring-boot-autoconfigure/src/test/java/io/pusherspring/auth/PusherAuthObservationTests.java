package io.pusherspring.auth;

import java.security.Principal;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every request to an auth endpoint is one observation, tagged with its decision and the
 * pattern of the authorizer that made it, never with the channel or the user.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherAuthObservationTests {

	private static final Principal USER_42 = () -> "42";

	private final WebApplicationContextRunner runner = AuthTestConfiguration.webApplication()
		.withBean("observationRegistry", TestObservationRegistry.class, TestObservationRegistry::create);

	@Test
	void aGrantIsTaggedWithTheAuthorizersPatternAndTracedWithTheChannel() {
		this.runner.run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42)))
				.isEqualTo(200);
			assertThat(registry(context)).hasNumberOfObservationsEqualTo(1)
				.hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasContextualNameEqualTo("pusher channel_authorization")
				.hasLowCardinalityKeyValue("kind", "channel_authorization")
				.hasLowCardinalityKeyValue("outcome", "granted")
				.hasLowCardinalityKeyValue("pattern", "private-user-{userId}")
				.doesNotHaveLowCardinalityKeyValueWithKey("channel")
				.hasHighCardinalityKeyValue("channel", "private-user-42")
				.hasBeenStopped();
		});
	}

	@Test
	void aDenialIsTaggedWithThePatternThatDenied() {
		this.runner.run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-7").principal(USER_42)))
				.isEqualTo(403);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("outcome", "denied")
				.hasLowCardinalityKeyValue("pattern", "private-user-{userId}")
				.hasHighCardinalityKeyValue("channel", "private-user-7");
		});
	}

	@Test
	void aChannelNoAuthorizerMatchesIsDeniedByNoPattern() {
		this.runner.run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-unknown").principal(USER_42)))
				.isEqualTo(403);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("outcome", "denied")
				.hasLowCardinalityKeyValue("pattern", "none")
				.hasHighCardinalityKeyValue("reason", "no authorizer matches the channel");
		});
	}

	@Test
	void aFailingAuthorizerIsADenialOfItsPattern(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-broken-1").principal(USER_42)))
				.isEqualTo(403);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("outcome", "denied")
				.hasLowCardinalityKeyValue("pattern", "private-broken-{id}")
				.doesNotHaveError();
			assertThat(output).contains("failed for channel private-broken-1; the subscription is denied");
		});
	}

	@Test
	void aCallerOverItsBudgetIsRateLimited() {
		this.runner.withPropertyValues("pusher.auth.rate-limit.capacity=1", "pusher.auth.rate-limit.period=1m")
			.run((context) -> {
				perform(context,
						PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42));
				assertThat(perform(context,
						PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42)))
					.isEqualTo(429);
				assertThat(registry(context)).hasNumberOfObservationsWithNameEqualTo("pusher.auth", 2)
					.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("outcome", "rate_limited")
						.hasLowCardinalityKeyValue("pattern", "none")
						.doesNotHaveHighCardinalityKeyValueWithKey("channel"));
			});
	}

	@Test
	void aMalformedRequestIsInvalidWithoutADecision() {
		this.runner.run((context) -> {
			assertThat(perform(context,
					post("/pusher/auth").formField("channel_name", "private-user-42").principal(USER_42)))
				.isEqualTo(400);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("outcome", "invalid")
				.hasLowCardinalityKeyValue("pattern", "none")
				.doesNotHaveHighCardinalityKeyValueWithKey("reason");
		});
	}

	@Test
	void aRequestTheFilterRefusesIsOneInvalidObservation() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
				.addFilters(context.getBean(PusherAuthRequestFilter.class))
				.build();
			assertThat(PusherAuthEndpointTests
				.perform(mvc, post("/pusher/user-auth").principal(USER_42).contentType("text/plain").content("1.2"))
				.getStatus()).isEqualTo(415);
			assertThat(registry(context)).hasNumberOfObservationsEqualTo(1)
				.hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("kind", "user_authentication")
				.hasLowCardinalityKeyValue("outcome", "invalid")
				.hasBeenStopped();
		});
	}

	@Test
	void anInternalFailureIsAnErrorWithItsException(CapturedOutput output) {
		this.runner.withBean(AuthRateLimiter.class, () -> (key) -> {
			throw new IllegalStateException("rate limit store down");
		}).run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42)))
				.isEqualTo(500);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("outcome", "error")
				.assertThatError()
				.hasMessage("rate limit store down");
			assertThat(output).contains("Pusher CHANNEL_AUTHORIZATION failed; answered 500")
				.contains("rate limit store down");
		});
	}

	@Test
	void aSignInIsAUserAuthentication() {
		this.runner.run((context) -> {
			assertThat(
					perform(context, post("/pusher/user-auth").formField("socket_id", "1234.5678").principal(USER_42)))
				.isEqualTo(200);
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasContextualNameEqualTo("pusher user_authentication")
				.hasLowCardinalityKeyValue("kind", "user_authentication")
				.hasLowCardinalityKeyValue("outcome", "granted")
				.hasLowCardinalityKeyValue("pattern", "none")
				.doesNotHaveHighCardinalityKeyValueWithKey("channel");
		});
	}

	@Test
	void observesNothingWhenObservationsAreDisabled() {
		this.runner.withPropertyValues("pusher.observations.enabled=false").run((context) -> {
			assertThat(perform(context,
					PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42)))
				.isEqualTo(200);
			assertThat(registry(context)).doesNotHaveAnyObservation();
		});
	}

	@Test
	void usesTheApplicationsConvention() {
		this.runner.withBean(PusherAuthObservationConvention.class, () -> new DefaultPusherAuthObservationConvention() {

			@Override
			public KeyValues getLowCardinalityKeyValues(PusherAuthObservationContext context) {
				return super.getLowCardinalityKeyValues(context).and("status", Integer.toString(context.getStatus()));
			}

		}).run((context) -> {
			perform(context, PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-7").principal(USER_42));
			assertThat(registry(context)).hasObservationWithNameEqualTo("pusher.auth")
				.that()
				.hasLowCardinalityKeyValue("status", "403");
		});
	}

	@Test
	void answersAsBeforeWithoutARegistry() {
		AuthTestConfiguration.webApplication().run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			assertThat(PusherAuthEndpointTests
				.perform(mvc, PusherAuthEndpointTests.channelAuth("1234.5678", "private-user-42").principal(USER_42))
				.getStatus()).isEqualTo(200);
		});
	}

	private static TestObservationRegistry registry(AssertableWebApplicationContext context) {
		return context.getBean(TestObservationRegistry.class);
	}

	private static int perform(AssertableWebApplicationContext context, MockHttpServletRequestBuilder request)
			throws Exception {
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
		return PusherAuthEndpointTests.perform(mvc, request).getStatus();
	}

}
