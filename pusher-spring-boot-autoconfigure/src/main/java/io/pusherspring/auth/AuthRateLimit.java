package io.pusherspring.auth;

import java.security.Principal;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

/**
 * The auth endpoints' per-caller budget: the key of a caller, and the 429 response, with
 * its decision, once the {@link AuthRateLimiter} says the budget is used up.
 */
final class AuthRateLimit {

	private final AuthRateLimiter limiter;

	private final AuthDecisionPublisher decisions;

	AuthRateLimit(AuthRateLimiter limiter, AuthDecisionPublisher decisions) {
		this.limiter = limiter;
		this.decisions = decisions;
	}

	@Nullable AuthResponse check(Kind kind, AuthRequest request, @Nullable Principal principal) {
		return limited(kind, principal, this.limiter.tryConsume(key(principal, request)));
	}

	CompletionStage<@Nullable AuthResponse> checkAsync(Kind kind, AuthRequest request, @Nullable Principal principal,
			Executor blockingExecutor) {
		return this.limiter.tryConsumeAsync(key(principal, request), blockingExecutor)
			.thenApply((retryAfter) -> limited(kind, principal, retryAfter));
	}

	private static String key(@Nullable Principal principal, AuthRequest request) {
		return (principal != null) ? "user:" + principal.getName() : "address:" + request.getRemoteAddress();
	}

	private @Nullable AuthResponse limited(Kind kind, @Nullable Principal principal, Duration retryAfter) {
		if (retryAfter.isZero() || retryAfter.isNegative()) {
			return null;
		}
		return this.decisions.decided(kind, Outcome.RATE_LIMITED, null, null, principal, null, "request budget used up",
				new AuthResponse.Refused(429, "Too many authorization requests; retry later", retryAfter, null));
	}

	@Override
	public String toString() {
		return this.limiter.toString();
	}

}
