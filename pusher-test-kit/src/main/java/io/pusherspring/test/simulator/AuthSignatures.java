package io.pusherspring.test.simulator;

import org.jspecify.annotations.Nullable;

/**
 * Checks the {@code auth} values clients present to subscribe to private and presence
 * channels and to sign in, as Pusher does: {@code "<key>:"} followed by the hex
 * HMAC-SHA256 of what was signed, under the app secret. Internal to the test kit: public
 * only so that its packages share it.
 */
public final class AuthSignatures {

	private final String key;

	private final String secret;

	/**
	 * Create a verifier for one app.
	 * @param key the app key
	 * @param secret the app secret
	 */
	public AuthSignatures(String key, String secret) {
		this.key = key;
		this.secret = secret;
	}

	/**
	 * The app key the {@code auth} values must name.
	 * @return the key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Whether {@code auth} authorizes a socket for a private (or encrypted) channel.
	 * @param socketId the socket id
	 * @param channel the channel name
	 * @param auth the {@code auth} value
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidPrivateAuth(String socketId, String channel, @Nullable String auth) {
		return isValid(auth, socketId + ":" + channel);
	}

	/**
	 * Whether {@code auth} authorizes a socket for a presence channel with its
	 * {@code channel_data}.
	 * @param socketId the socket id
	 * @param channel the channel name
	 * @param channelData the {@code channel_data}
	 * @param auth the {@code auth} value
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidPresenceAuth(String socketId, String channel, String channelData, @Nullable String auth) {
		return isValid(auth, socketId + ":" + channel + ":" + channelData);
	}

	/**
	 * Whether {@code auth} authenticates a user for {@code pusher:signin}.
	 * @param socketId the socket id
	 * @param userData the {@code user_data}
	 * @param auth the {@code auth} value
	 * @return {@code true} if it was signed with this app's secret
	 */
	public boolean isValidUserAuth(String socketId, String userData, @Nullable String auth) {
		return isValid(auth, socketId + "::user::" + userData);
	}

	private boolean isValid(@Nullable String auth, String signed) {
		if (auth == null) {
			return false;
		}
		int colon = auth.indexOf(':');
		if (colon < 0 || !auth.substring(0, colon).equals(this.key)) {
			return false;
		}
		return PusherCrypto.constantTimeEquals(PusherCrypto.hmacSha256Hex(this.secret, signed),
				auth.substring(colon + 1));
	}

	@Override
	public String toString() {
		return "AuthSignatures[key=" + this.key + ", secret=******]";
	}

}
