package io.pusherspring.auth;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What an auth endpoint sends back, whatever the web stack: a {@link Signed signed} body,
 * or a {@link Refused refusal} with a short error; with the decision that led to it, if
 * the request got as far as one. The endpoints write it as JSON with
 * {@code Cache-Control: no-store} and, for 429, {@code Retry-After}.
 */
public sealed interface AuthResponse permits AuthResponse.Signed, AuthResponse.Refused {

	/**
	 * A refusal without a decision.
	 * @param status the HTTP status
	 * @param error a short message for the caller
	 * @return the response
	 */
	static AuthResponse refused(int status, String error) {
		return new Refused(status, error, Duration.ZERO, null);
	}

	/**
	 * A 400 refusal: the request is malformed.
	 * @param error a short message for the caller
	 * @return the response
	 */
	static AuthResponse badRequest(String error) {
		return refused(400, error);
	}

	/**
	 * A 403 refusal.
	 * @param error a short message for the caller
	 * @return the response
	 */
	static AuthResponse forbidden(String error) {
		return refused(403, error);
	}

	/**
	 * The HTTP status of the response.
	 * @return the status code
	 */
	int status();

	/**
	 * The fields of the JSON body.
	 * @return the fields, in order
	 */
	Map<String, String> body();

	/**
	 * The decision this response carries out.
	 * @return the decision, or {@code null} for a request refused before a decision
	 */
	@Nullable PusherAuthorizationEvent decision();

	/**
	 * This response, as the outcome of a decision.
	 * @param decision the decision
	 * @return the response with its decision
	 */
	AuthResponse decidedBy(PusherAuthorizationEvent decision);

	/**
	 * 200 with the fields Pusher's clients read.
	 *
	 * @param body {@code auth} and, by case, {@code channel_data}, {@code shared_secret}
	 * or {@code user_data}
	 * @param decision the grant
	 */
	record Signed(Map<String, String> body, @Nullable PusherAuthorizationEvent decision) implements AuthResponse {

		/**
		 * Create a signed response.
		 * @param body the fields, with {@code auth}
		 * @param decision the grant
		 */
		public Signed {
			Assert.isTrue(body.containsKey("auth"), "A signed response has an 'auth' field");
			body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
		}

		@Override
		public int status() {
			return 200;
		}

		@Override
		public AuthResponse decidedBy(PusherAuthorizationEvent decision) {
			return new Signed(this.body, decision);
		}

	}

	/**
	 * A refusal: never a signature, never a stack trace.
	 *
	 * @param status the HTTP status
	 * @param error a short message for the caller
	 * @param retryAfter for 429, the wait before the caller's next request would be
	 * accepted; zero otherwise
	 * @param decision the denial or rate limit, {@code null} for a malformed request
	 */
	record Refused(int status, String error, Duration retryAfter,
			@Nullable PusherAuthorizationEvent decision) implements AuthResponse {

		/**
		 * Create a refusal.
		 * @param status the HTTP status, 4xx or 5xx
		 * @param error a short message for the caller
		 * @param retryAfter for 429, the wait before the caller's next request would be
		 * accepted
		 * @param decision the denial or rate limit, {@code null} for a malformed request
		 */
		public Refused {
			Assert.isTrue(status >= 400 && status < 600, "A refusal's status is 4xx or 5xx");
			Assert.notNull(error, "'error' must not be null");
			Assert.notNull(retryAfter, "'retryAfter' must not be null");
		}

		@Override
		public Map<String, String> body() {
			return Map.of("error", this.error);
		}

		/**
		 * The {@code Retry-After} header of a 429: whole seconds, rounded up, at least
		 * one.
		 * @return the seconds to wait
		 */
		public long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

		@Override
		public AuthResponse decidedBy(PusherAuthorizationEvent decision) {
			return new Refused(this.status, this.error, this.retryAfter, decision);
		}

	}

}
