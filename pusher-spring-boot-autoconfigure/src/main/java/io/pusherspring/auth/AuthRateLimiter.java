package io.pusherspring.auth;

import java.time.Duration;

/**
 * The request budget of the auth endpoints, per caller: the principal's name for
 * authenticated callers, the remote address for anonymous ones. The default is
 * {@link Bucket4jAuthRateLimiter}; a bean of this type replaces it.
 */
@FunctionalInterface
public interface AuthRateLimiter {

	/**
	 * Take one request from a caller's budget.
	 * @param key the caller: {@code user:<name>} or {@code address:<remote address>}
	 * @return {@link Duration#ZERO} if the request may go on, else how long until the
	 * caller's next request would (sent as {@code Retry-After})
	 */
	Duration tryConsume(String key);

}
