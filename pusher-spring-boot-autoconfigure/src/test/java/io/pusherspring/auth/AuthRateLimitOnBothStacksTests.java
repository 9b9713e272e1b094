package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pusherspring.auth.AuthTestConfiguration.RecordedDecisions;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

import static io.pusherspring.auth.AuthOnBothStacksTests.ok;
import static io.pusherspring.auth.AuthOnBothStacksTests.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-caller rate limit on both web stacks, in a shared store whose client blocks, as
 * Bucket4j's JDBC proxy managers do: the WebFlux endpoints ask it off the event loop.
 * Anonymous callers are refused here.
 */
class AuthRateLimitOnBothStacksTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final RunningStacks apps = new RunningStacks("pusher.auth.allow-anonymous=false",
			"pusher.auth.rate-limit.capacity=3", "pusher.auth.rate-limit.period=1m",
			"test.blocking-rate-limit-store=true", "spring.application.name=auth-rate-limit-on-both-stacks");

	@AfterAll
	static void stop() {
		apps.close();
	}

	@AfterEach
	void nothingBlockedAnEventLoop() {
		assertThat(NonBlockingThreads.violations()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void answers429WithRetryAfterOnceACallerSpentItsBudgetAndRefusesAnonymousCallers(WebStack stack) throws Exception {
		AuthHttp http = apps.http(stack);
		ok(http.post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-open-a"));
		ok(http.post("/pusher/user-auth", FORM, "socket_id=1.2"));
		refused(http.post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-nomatch-a"), 403);
		HttpResponse<byte[]> limited = http.post("/pusher/auth", FORM, "socket_id=1.2&channel_name=private-open-a");
		assertThat(refused(limited, 429).get("error").stringValue())
			.isEqualTo("Too many authorization requests; retry later");
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 20L);
		for (int i = 0; i < 3; i++) {
			refused(anonymous(http, "socket_id=1.2&channel_name=private-open-a"), 403);
		}
		refused(anonymous(http, "socket_id=1.2&channel_name=private-open-a"), 429);
		RecordedDecisions decisions = apps.bean(stack, RecordedDecisions.class);
		assertThat(decisions.events()).extracting(PusherAuthorizationEvent::outcome)
			.containsExactly(Outcome.GRANTED, Outcome.GRANTED, Outcome.DENIED, Outcome.RATE_LIMITED, Outcome.DENIED,
					Outcome.DENIED, Outcome.DENIED, Outcome.RATE_LIMITED);
		assertThat(decisions.events().get(4).reason()).isEqualTo("caller is not authenticated");
		assertThat(decisions.events().get(3).user()).isEqualTo("ada");
		assertThat(apps.bean(stack, InMemoryProxyManager.class).store()).containsOnlyKeys("pusher-auth:user:ada",
				"pusher-auth:address:127.0.0.1");
	}

	private static HttpResponse<byte[]> anonymous(AuthHttp http, String body) throws Exception {
		return http.send("POST", "/pusher/auth", FORM, body.getBytes(StandardCharsets.US_ASCII), false, true, false);
	}

}
