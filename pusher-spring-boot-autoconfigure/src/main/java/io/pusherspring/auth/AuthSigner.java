package io.pusherspring.auth;

import io.pusherspring.core.internal.HmacSigner;
import io.pusherspring.core.PusherCredentials;

/**
 * Signs what Pusher's clients present: {@code "<key>:" + hex HMAC-SHA256(secret, text)}.
 */
final class AuthSigner {

	private final String key;

	private final HmacSigner signer;

	AuthSigner(PusherCredentials credentials) {
		this.key = credentials.key();
		this.signer = new HmacSigner(credentials.secret());
	}

	String channel(String socketId, String channel) {
		return auth(socketId + ":" + channel);
	}

	String presence(String socketId, String channel, String channelData) {
		return auth(socketId + ":" + channel + ":" + channelData);
	}

	String user(String socketId, String userData) {
		return auth(socketId + "::user::" + userData);
	}

	private String auth(String text) {
		return this.key + ":" + this.signer.sign(text);
	}

	@Override
	public String toString() {
		return "AuthSigner[key=" + this.key + ", secret=******]";
	}

}
