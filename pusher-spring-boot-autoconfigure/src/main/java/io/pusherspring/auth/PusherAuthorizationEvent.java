package io.pusherspring.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One decision of the auth endpoints, published as an application event so that an
 * application can audit them with {@code @EventListener}: every channel authorization and
 * user authentication that is granted, denied or rate limited. (Malformed requests,
 * answered 400, are not decisions and are not published.)
 *
 * @param time when the decision was made
 * @param kind channel authorization or user authentication
 * @param outcome granted, denied or rate limited
 * @param channel the channel asked for; {@code null} for user authentications and
 * rate-limited requests (which are refused before they are read)
 * @param pattern the pattern of the authorizer that decided, or {@code null} if none did
 * @param user the caller's principal name, or {@code null} if anonymous
 * @param socketId the socket id asked for; {@code null} for rate-limited requests
 * @param reason why, in a few words
 */
public record PusherAuthorizationEvent(Instant time, Kind kind, Outcome outcome, @Nullable String channel,
		@Nullable String pattern, @Nullable String user, @Nullable String socketId, String reason) {

	/**
	 * Whether the request was granted.
	 * @return {@code true} if granted
	 */
	public boolean isGranted() {
		return this.outcome == Outcome.GRANTED;
	}

	/**
	 * Which endpoint decided.
	 */
	public enum Kind {

		/** A subscription to a private, encrypted or presence channel. */
		CHANNEL_AUTHORIZATION,

		/** A sign-in ({@code pusher:signin}). */
		USER_AUTHENTICATION

	}

	/**
	 * The outcome of a decision.
	 */
	public enum Outcome {

		/** Signed: the client may subscribe or sign in. */
		GRANTED,

		/** Refused with 403. */
		DENIED,

		/** Refused with 429: the caller used up its request budget. */
		RATE_LIMITED

	}

}
