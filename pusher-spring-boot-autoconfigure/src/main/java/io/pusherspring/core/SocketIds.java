package io.pusherspring.core;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Pusher's rule for socket ids, the connection identifiers clients send when they
 * subscribe and that {@code excludeSocketId} names: two runs of digits joined by a dot.
 */
public final class SocketIds {

	private static final Pattern SOCKET_ID = Pattern.compile("[0-9]+\\.[0-9]+");

	private static final int MAX_LENGTH = 64;

	private SocketIds() {
	}

	/**
	 * Whether the value is a well-formed socket id.
	 * @param socketId the candidate
	 * @return {@code true} if it matches {@code \A\d+\.\d+\z}
	 */
	public static boolean isValid(@Nullable String socketId) {
		return socketId != null && socketId.length() <= MAX_LENGTH && SOCKET_ID.matcher(socketId).matches();
	}

	/**
	 * Check a socket id.
	 * @param socketId the socket id
	 * @throws PusherValidationException if it is missing or malformed
	 */
	public static void validate(@Nullable String socketId) {
		if (socketId == null || socketId.isEmpty()) {
			throw new PusherValidationException("Socket id must not be empty");
		}
		if (!isValid(socketId)) {
			throw new PusherValidationException("Socket id " + ChannelNames.quote(socketId)
					+ " is malformed: Pusher socket ids are two numbers joined by a dot, such as '1234.5678'");
		}
	}

}
