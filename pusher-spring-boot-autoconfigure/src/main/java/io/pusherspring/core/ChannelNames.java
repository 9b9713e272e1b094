package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * Pusher's rules for channel names: at most {@value PusherLimits#MAX_CHANNEL_NAME_LENGTH}
 * characters of {@code A-Z a-z 0-9 _ - = @ , . ;}, with prefixes that select the channel
 * type. {@code #} is reserved for Pusher's own server-to-user channels, which only
 * {@link PusherOperations#sendToUser} addresses.
 */
public final class ChannelNames {

	/**
	 * The longest channel name Pusher accepts.
	 * @deprecated use {@link PusherLimits#MAX_CHANNEL_NAME_LENGTH}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final int MAX_LENGTH = PusherLimits.MAX_CHANNEL_NAME_LENGTH;

	/**
	 * The longest user id Pusher accepts.
	 * @deprecated use {@link PusherLimits#MAX_USER_ID_LENGTH}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final int MAX_USER_ID_LENGTH = PusherLimits.MAX_USER_ID_LENGTH;

	/** Prefix of channels that need authorization. */
	public static final String PRIVATE_PREFIX = "private-";

	/** Prefix of end-to-end encrypted channels (also private). */
	public static final String ENCRYPTED_PREFIX = "private-encrypted-";

	/** Prefix of presence channels, which know their members. */
	public static final String PRESENCE_PREFIX = "presence-";

	/** Prefix Pusher gives the channel of one user's connections. */
	public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

	private static final String ALLOWED = "A-Z a-z 0-9 _ - = @ , . ;";

	private static final int QUOTED_LIMIT = 60;

	private ChannelNames() {
	}

	/**
	 * Check a channel name an application passes in.
	 * @param channel the channel name
	 * @throws PusherValidationException naming the broken rule
	 */
	public static void validate(@Nullable String channel) {
		if (channel == null || channel.isEmpty()) {
			throw new PusherValidationException("Channel name must not be empty");
		}
		if (channel.length() > PusherLimits.MAX_CHANNEL_NAME_LENGTH) {
			throw new PusherValidationException("Channel name " + quote(channel) + " is " + channel.length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_CHANNEL_NAME_LENGTH);
		}
		if (isDotSegment(channel)) {
			throw new PusherValidationException("Channel name " + quote(channel)
					+ " is invalid: HTTP clients and servers treat it as a relative path, so it cannot be queried");
		}
		for (int i = 0; i < channel.length(); i++) {
			char c = channel.charAt(i);
			if (!isAllowed(c)) {
				String why = (c == '#') ? "'#' is reserved for Pusher's server-to-user channels (use sendToUser)"
						: "character '" + c + "' at index " + i + " is not allowed";
				throw new PusherValidationException("Channel name " + quote(channel) + " is invalid: " + why
						+ "; channel names use only " + ALLOWED);
			}
		}
	}

	/**
	 * Check a user id used for user channels and presence members: 1 to
	 * {@value PusherLimits#MAX_USER_ID_LENGTH} characters that are also valid in a
	 * channel name, other than {@code .} and {@code ..}.
	 * @param userId the user id
	 * @throws PusherValidationException naming the broken rule
	 */
	public static void validateUserId(@Nullable String userId) {
		if (userId == null || userId.isEmpty()) {
			throw new PusherValidationException("User id must not be empty");
		}
		if (userId.length() > PusherLimits.MAX_USER_ID_LENGTH) {
			throw new PusherValidationException("User id " + quote(userId) + " is " + userId.length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_USER_ID_LENGTH);
		}
		if (isDotSegment(userId)) {
			throw new PusherValidationException(
					"User id " + quote(userId) + " is invalid: HTTP clients and servers treat it as a relative path, "
							+ "so a request for this user would reach another endpoint");
		}
		for (int i = 0; i < userId.length(); i++) {
			if (!isAllowed(userId.charAt(i))) {
				throw new PusherValidationException("User id " + quote(userId) + " is invalid: character '"
						+ userId.charAt(i) + "' at index " + i + " is not allowed; user ids use only " + ALLOWED);
			}
		}
	}

	/**
	 * The channel Pusher uses to reach every connection of one signed-in user.
	 * @param userId the user id
	 * @return {@code #server-to-user-{userId}}
	 */
	public static String serverToUser(String userId) {
		validateUserId(userId);
		return SERVER_TO_USER_PREFIX + userId;
	}

	/**
	 * Whether the channel is private (including encrypted and private cache channels).
	 * @param channel the channel name
	 * @return {@code true} for {@code private-} channels
	 */
	public static boolean isPrivate(String channel) {
		return channel.startsWith(PRIVATE_PREFIX);
	}

	/**
	 * Whether the channel is end-to-end encrypted.
	 * @param channel the channel name
	 * @return {@code true} for {@code private-encrypted-} channels
	 */
	public static boolean isEncrypted(String channel) {
		return channel.startsWith(ENCRYPTED_PREFIX);
	}

	/**
	 * Whether the channel is a presence channel.
	 * @param channel the channel name
	 * @return {@code true} for {@code presence-} channels
	 */
	public static boolean isPresence(String channel) {
		return channel.startsWith(PRESENCE_PREFIX);
	}

	/**
	 * Whether the channel is a cache channel, which remembers its last event.
	 * @param channel the channel name
	 * @return {@code true} for {@code cache-}, {@code private-cache-},
	 * {@code private-encrypted-cache-} and {@code presence-cache-} channels
	 */
	public static boolean isCache(String channel) {
		return channel.startsWith("cache-") || channel.startsWith("private-cache-")
				|| channel.startsWith("private-encrypted-cache-") || channel.startsWith("presence-cache-");
	}

	/**
	 * Whether subscribing to the channel needs the application's authorization.
	 * @param channel the channel name
	 * @return {@code true} for private and presence channels
	 */
	public static boolean requiresAuthorization(String channel) {
		return isPrivate(channel) || isPresence(channel);
	}

	static String quote(String value) {
		return "'" + ((value.length() > QUOTED_LIMIT) ? value.substring(0, QUOTED_LIMIT) + "…" : value) + "'";
	}

	private static boolean isDotSegment(String value) {
		return value.equals(".") || value.equals("..");
	}

	/**
	 * Whether a character may appear in a channel name (and in a user id).
	 * @param c the character
	 * @return {@code true} for {@code A-Z a-z 0-9 _ - = @ , . ;}
	 */
	public static boolean isAllowed(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
				|| c == '=' || c == '@' || c == ',' || c == '.' || c == ';';
	}

}
