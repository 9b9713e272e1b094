package io.pusherspring.auth;

import java.time.Duration;
import java.util.Map;

/**
 * What an auth endpoint answers: a signed body, or a refusal with a short error.
 */
sealed interface AuthAnswer permits AuthAnswer.Signed, AuthAnswer.Refused {

	static AuthAnswer badRequest(String error) {
		return new Refused(400, error, Duration.ZERO);
	}

	static AuthAnswer forbidden(String error) {
		return new Refused(403, error, Duration.ZERO);
	}

	/**
	 * 200 with the fields Pusher's clients read.
	 *
	 * @param body {@code auth} and, by case, {@code channel_data}, {@code shared_secret}
	 * or {@code user_data}
	 */
	record Signed(Map<String, String> body) implements AuthAnswer {

	}

	/**
	 * A refusal: never a signature, never a stack trace.
	 *
	 * @param status the HTTP status
	 * @param error a short message for the caller
	 * @param retryAfter for 429, the wait before the caller's next request would be
	 * accepted
	 */
	record Refused(int status, String error, Duration retryAfter) implements AuthAnswer {

	}

}
