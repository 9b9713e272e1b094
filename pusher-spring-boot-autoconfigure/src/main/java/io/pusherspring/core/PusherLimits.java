package io.pusherspring.core;

import org.springframework.util.unit.DataSize;

/**
 * The limits Pusher Channels publishes for its HTTP API and its clients, in one place.
 * The template, the auth endpoints, the property defaults and the test kit's
 * {@code LocalPusherServer} all read them from here.
 */
public final class PusherLimits {

	/** The largest event payload ({@code data}) Pusher accepts by default. */
	public static final DataSize MAX_PAYLOAD_SIZE = DataSize.ofKilobytes(10);

	/** The most channels one trigger may address. */
	public static final int MAX_CHANNELS_PER_TRIGGER = 100;

	/** The most events one batch trigger may carry. */
	public static final int MAX_EVENTS_PER_BATCH = 10;

	/** The longest channel name, in characters. */
	public static final int MAX_CHANNEL_NAME_LENGTH = 164;

	/** The longest event name, in characters. */
	public static final int MAX_EVENT_NAME_LENGTH = 200;

	/** The longest user id (presence members and signed-in users), in characters. */
	public static final int MAX_USER_ID_LENGTH = 128;

	/** The largest presence member's {@code user_info}, as JSON. */
	public static final DataSize MAX_USER_INFO_SIZE = DataSize.ofKilobytes(1);

	/** The most members a presence channel may have. */
	public static final int MAX_PRESENCE_MEMBERS = 100;

	/** The most user ids a signed-in user's watchlist may hold. */
	public static final int MAX_WATCHLIST_SIZE = 100;

	private PusherLimits() {
	}

}
