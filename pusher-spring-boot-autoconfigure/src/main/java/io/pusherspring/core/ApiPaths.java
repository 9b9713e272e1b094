package io.pusherspring.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Every path of the Pusher HTTP API the library sends to. Each value placed in a path is
 * checked to be one whole segment and percent-encoded, so that no value can steer a
 * request to another endpoint: {@code .} and {@code ..} are refused (a server or proxy
 * that normalizes paths would resolve them), and {@code /}, {@code ?}, {@code #},
 * {@code %} and every other character outside RFC 3986's unreserved characters and the
 * {@code = @ , ;} that Pusher allows in names are encoded.
 */
final class ApiPaths {

	static final String EVENTS = "/events";

	static final String BATCH_EVENTS = "/batch_events";

	static final String CHANNELS = "/channels";

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private ApiPaths() {
	}

	/**
	 * {@code /apps/{appId}}, the prefix of every path.
	 * @param appId the app id
	 * @return the path
	 */
	static String app(String appId) {
		return "/apps/" + segment("App id", appId);
	}

	/**
	 * {@code /channels/{channel}}.
	 * @param channel the channel name
	 * @return the path below the app
	 */
	static String channel(String channel) {
		return CHANNELS + "/" + segment("Channel name", channel);
	}

	/**
	 * {@code /channels/{channel}/users}.
	 * @param channel the presence channel name
	 * @return the path below the app
	 */
	static String channelUsers(String channel) {
		return channel(channel) + "/users";
	}

	/**
	 * {@code /users/{userId}/terminate_connections}.
	 * @param userId the user id
	 * @return the path below the app
	 */
	static String terminateConnections(String userId) {
		return "/users/" + segment("User id", userId) + "/terminate_connections";
	}

	/**
	 * Check a value that becomes one path segment and percent-encode it.
	 * @param what what the value is, for the message
	 * @param value the value
	 * @return the encoded segment, the value itself for every name Pusher allows
	 * @throws PusherValidationException if the value is empty, {@code .} or {@code ..}
	 */
	static String segment(String what, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			throw new PusherValidationException(what + " must not be empty");
		}
		if (value.equals(".") || value.equals("..")) {
			throw new PusherValidationException(what + " " + ChannelNames.quote(value)
					+ " is invalid: servers and proxies resolve it as a relative path segment, "
					+ "so the request would reach another endpoint");
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isPathSafe(value.charAt(i))) {
				return encode(value);
			}
		}
		return value;
	}

	/**
	 * Decode a path this class encoded.
	 * @param path the encoded path
	 * @return the path with every percent-escape decoded as UTF-8
	 */
	static String decode(String path) {
		if (path.indexOf('%') == -1) {
			return path;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
		for (int i = 0; i < path.length(); i++) {
			char c = path.charAt(i);
			if (c == '%' && i + 2 < path.length()) {
				bytes.write(Integer.parseInt(path.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static String encode(String value) {
		StringBuilder encoded = new StringBuilder(value.length() * 3);
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if (c < 0x80 && isPathSafe(c)) {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
		}
		return encoded.toString();
	}

	private static boolean isPathSafe(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~' || c == '=' || c == '@' || c == ',' || c == ';';
	}

}
