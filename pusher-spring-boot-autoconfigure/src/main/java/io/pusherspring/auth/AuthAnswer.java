package io.pusherspring.auth;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What an auth endpoint answers: a signed body, or a refusal with a short error; with the
 * decision that led to it, if the request got as far as one.
 */
sealed interface AuthAnswer permits AuthAnswer.Signed, AuthAnswer.Refused {

	static AuthAnswer refused(int status, String error) {
		return new Refused(status, error, Duration.ZERO);
	}

	static AuthAnswer badRequest(String error) {
		return refused(400, error);
	}

	static AuthAnswer forbidden(String error) {
		return refused(403, error);
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status code
	 */
	int status();

	/**
	 * The decision this answer carries out.
	 * @return the decision, or {@code null} for a request refused before a decision
	 */
	@Nullable PusherAuthorizationEvent decision();

	/**
	 * This answer, as the outcome of a decision.
	 * @param decision the decision
	 * @return the answer with its decision
	 */
	AuthAnswer decidedBy(PusherAuthorizationEvent decision);

	/**
	 * 200 with the fields Pusher's clients read.
	 *
	 * @param body {@code auth} and, by case, {@code channel_data}, {@code shared_secret}
	 * or {@code user_data}
	 * @param decision the grant
	 */
	record Signed(Map<String, String> body, @Nullable PusherAuthorizationEvent decision) implements AuthAnswer {

		Signed(Map<String, String> body) {
			this(body, null);
		}

		@Override
		public int status() {
			return 200;
		}

		@Override
		public AuthAnswer decidedBy(PusherAuthorizationEvent decision) {
			return new Signed(this.body, decision);
		}

	}

	/**
	 * A refusal: never a signature, never a stack trace.
	 *
	 * @param status the HTTP status
	 * @param error a short message for the caller
	 * @param retryAfter for 429, the wait before the caller's next request would be
	 * accepted
	 * @param decision the denial or rate limit, {@code null} for a malformed request
	 */
	record Refused(int status, String error, Duration retryAfter,
			@Nullable PusherAuthorizationEvent decision) implements AuthAnswer {

		Refused(int status, String error, Duration retryAfter) {
			this(status, error, retryAfter, null);
		}

		@Override
		public AuthAnswer decidedBy(PusherAuthorizationEvent decision) {
			return new Refused(this.status, this.error, this.retryAfter, decision);
		}

	}

}
