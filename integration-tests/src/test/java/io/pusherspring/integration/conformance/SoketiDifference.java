package io.pusherspring.integration.conformance;

/**
 * Where soketi 1.6.1 differs from Pusher's documented protocol. The starter follows
 * Pusher; the conformance scenario named in each constant pins soketi's behaviour, so
 * that a soketi release that changes it is noticed, and the "Self-hosting with soketi"
 * section of the docs says what a user should do about it.
 */
public enum SoketiDifference {

	/**
	 * The HTTP API answers its errors (401, 404, 413, 400, 429) with status 200 and a
	 * body {@code {"error": ..., "code": ...}}.
	 */
	HTTP_ERRORS_ANSWERED_WITH_200,

	/** A trigger or batch that asks for {@code info} gets no channel attributes. */
	TRIGGER_INFO_IGNORED,

	/**
	 * Channel queries report {@code subscription_count} whatever the app's settings;
	 * Pusher answers 400 unless the app switches subscription counting on.
	 */
	SUBSCRIPTION_COUNT_ALWAYS_REPORTED,

	/** {@code GET /channels} leaves {@code user_count} out. */
	USER_COUNT_MISSING_FROM_CHANNEL_LIST,

	/**
	 * {@code pusher_internal:subscription_succeeded} of a private or encrypted channel
	 * has no {@code data}; pusher-java-client 2.4.4 fails on it for encrypted channels.
	 */
	PRIVATE_SUBSCRIPTION_SUCCEEDED_WITHOUT_DATA,

	/** Client events on public channels are relayed. */
	CLIENT_EVENTS_ON_PUBLIC_CHANNELS,

	/** Client events are not rate limited unless configured. */
	CLIENT_EVENTS_NOT_RATE_LIMITED,

	/** A webhook delivery that fails is not retried. */
	WEBHOOKS_NOT_RETRIED,

	/** HTTP API requests signed with an old {@code auth_timestamp} are accepted. */
	STALE_TIMESTAMPS_ACCEPTED,

	/**
	 * The HTTP API accepts reserved event names, invalid channel names and an encrypted
	 * channel among several.
	 */
	HTTP_API_VALIDATION_MISSING,

	/**
	 * Larger limits by default: 100KB of event data, channel names of 200 characters, 2KB
	 * of presence {@code user_info}.
	 */
	LARGER_LIMITS,

	/** An event whose data is the empty string is refused. */
	EMPTY_DATA_REFUSED,

	/**
	 * A connection that has not signed in may subscribe to {@code #server-to-user-{id}}
	 * (it receives nothing).
	 */
	SERVER_TO_USER_CHANNEL_OPEN,

	/**
	 * {@code pusher:signin} is ignored unless the app enables user authentication, which
	 * also closes connections that do not authenticate in time.
	 */
	SIGN_IN_NEEDS_USER_AUTHENTICATION

}
