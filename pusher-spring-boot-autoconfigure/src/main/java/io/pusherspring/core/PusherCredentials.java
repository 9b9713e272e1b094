package io.pusherspring.core;

/**
 * The credentials of one Pusher Channels app.
 *
 * @param appId the app id
 * @param key the public key clients connect with
 * @param secret the secret that signs requests; never printed
 */
public record PusherCredentials(String appId, String key, String secret) {

	@Override
	public String toString() {
		return "PusherCredentials[appId=" + this.appId + ", key=" + this.key + ", secret=******]";
	}

}
