package io.pusherspring.auth;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The request budget of the auth endpoints, per caller: the principal's name for
 * authenticated callers, the remote address for anonymous ones. The default is
 * {@link Bucket4jAuthRateLimiter}; a bean of this type replaces it.
 */
@FunctionalInterface
public interface AuthRateLimiter {

	/**
	 * Take one request from a caller's budget. The servlet endpoints call this on the
	 * request's thread, which may block.
	 * @param key the caller: {@code user:<name>} or {@code address:<remote address>}
	 * @return {@link Duration#ZERO} if the request may go on, else how long until the
	 * caller's next request would (sent as {@code Retry-After})
	 */
	Duration tryConsume(String key);

	/**
	 * Take one request from a caller's budget without blocking the calling thread: the
	 * Spring WebFlux endpoints call this on an event-loop thread. The default runs
	 * {@link #tryConsume(String)} on the executor given, whose threads may block;
	 * override it when the budget is in memory or in a store with a non-blocking client.
	 * @param key the caller: {@code user:<name>} or {@code address:<remote address>}
	 * @param blockingExecutor an executor whose threads may block
	 * @return the outcome of {@link #tryConsume(String)}, once known
	 */
	default CompletionStage<Duration> tryConsumeAsync(String key, Executor blockingExecutor) {
		return CompletableFuture.supplyAsync(() -> tryConsume(key), blockingExecutor);
	}

}
