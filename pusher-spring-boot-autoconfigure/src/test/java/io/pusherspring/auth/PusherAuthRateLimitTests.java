package io.pusherspring.auth;

import org.junit.jupiter.api.Test;

import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static io.pusherspring.auth.PusherAuthEndpointTests.USER_42;
import static io.pusherspring.auth.PusherAuthEndpointTests.channelAuth;
import static io.pusherspring.auth.PusherAuthEndpointTests.ok;
import static io.pusherspring.auth.PusherAuthEndpointTests.perform;
import static io.pusherspring.auth.PusherAuthEndpointTests.refused;
import static io.pusherspring.auth.PusherAuthEndpointTests.userAuth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the auth endpoints' per-caller rate limit.
 */
class PusherAuthRateLimitTests {

	private final WebApplicationContextRunner runner = AuthTestConfiguration.webApplication()
		.withPropertyValues("pusher.auth.rate-limit.capacity=3", "pusher.auth.rate-limit.period=1m");

	@Test
	void answers429WithRetryAfterOnceAUserSpentTheBudgetOnEitherEndpoint() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			ok(mvc, channelAuth("1.2", "private-foobar").principal(USER_42));
			ok(mvc, userAuth("1.2").principal(USER_42));
			refused(mvc, channelAuth("1.2", "private-agent-1").principal(USER_42), 403);
			MockHttpServletResponse response = perform(mvc, userAuth("1.2").principal(USER_42));
			assertThat(response.getStatus()).isEqualTo(429);
			assertThat(Long.parseLong(response.getHeader("Retry-After"))).isBetween(1L, 20L);
			assertThat(response.getContentAsString()).doesNotContain("auth\"");
			refused(mvc, channelAuth("1.2", "private-foobar").principal(USER_42), 429);
			ok(mvc, channelAuth("1.2", "private-foobar").principal(() -> "43"));
			RecordedDecisions decisions = context.getBean(RecordedDecisions.class);
			assertThat(decisions.events()).extracting(PusherAuthorizationEvent::outcome)
				.containsExactly(Outcome.GRANTED, Outcome.GRANTED, Outcome.DENIED, Outcome.RATE_LIMITED,
						Outcome.RATE_LIMITED, Outcome.GRANTED);
			assertThat(decisions.events().get(3).user()).isEqualTo("42");
			assertThat(decisions.events().get(3).reason()).isEqualTo("request budget used up");
		});
	}

	@Test
	void countsMalformedRequestsToo() {
		this.runner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			for (int i = 0; i < 3; i++) {
				refused(mvc, channelAuth("nope", "private-foobar").principal(USER_42), 400);
			}
			refused(mvc, channelAuth("1.2", "private-foobar").principal(USER_42), 429);
		});
	}

	@Test
	void keysAnonymousCallersByRemoteAddress() {
		this.runner.withPropertyValues("pusher.auth.allow-anonymous=true").run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			for (int i = 0; i < 3; i++) {
				ok(mvc, channelAuth("1.2", "private-foobar").with(from("203.0.113.7")));
			}
			refused(mvc, channelAuth("1.2", "private-foobar").with(from("203.0.113.7")), 429);
			ok(mvc, channelAuth("1.2", "private-foobar").with(from("203.0.113.8")));
		});
	}

	@Test
	void instancesSharingAProxyManagerShareOneBudget() {
		InMemoryProxyManager store = new InMemoryProxyManager();
		WebApplicationContextRunner instances = this.runner.withBean(InMemoryProxyManager.class, () -> store);
		instances.run((first) -> instances.run((second) -> {
			MockMvc one = MockMvcBuilders.webAppContextSetup(first).build();
			MockMvc two = MockMvcBuilders.webAppContextSetup(second).build();
			ok(one, channelAuth("1.2", "private-foobar").principal(USER_42));
			ok(two, channelAuth("1.2", "private-foobar").principal(USER_42));
			ok(one, channelAuth("1.2", "private-foobar").principal(USER_42));
			refused(two, channelAuth("1.2", "private-foobar").principal(USER_42), 429);
			refused(one, channelAuth("1.2", "private-foobar").principal(USER_42), 429);
			assertThat(store.store()).containsOnlyKeys("pusher-auth:user:42");
		}));
	}

	@Test
	void instancesWithoutAProxyManagerHaveABudgetEach() {
		this.runner.run((first) -> this.runner.run((second) -> {
			MockMvc one = MockMvcBuilders.webAppContextSetup(first).build();
			MockMvc two = MockMvcBuilders.webAppContextSetup(second).build();
			for (int i = 0; i < 3; i++) {
				ok(one, channelAuth("1.2", "private-foobar").principal(USER_42));
			}
			refused(one, channelAuth("1.2", "private-foobar").principal(USER_42), 429);
			ok(two, channelAuth("1.2", "private-foobar").principal(USER_42));
		}));
	}

	@Test
	void disabledRateLimitLetsEveryRequestThrough() {
		this.runner.withPropertyValues("pusher.auth.rate-limit.enabled=false").run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			for (int i = 0; i < 10; i++) {
				ok(mvc, channelAuth("1.2", "private-foobar").principal(USER_42));
			}
		});
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

}
