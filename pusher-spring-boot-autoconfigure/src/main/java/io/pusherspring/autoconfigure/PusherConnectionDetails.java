package io.pusherspring.autoconfigure;

import java.net.URI;

import io.pusherspring.core.PusherCredentials;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the Pusher HTTP API is and the credentials to use it. Defined from
 * {@code pusher.*} properties unless a bean of this type is present, as a test fixture or
 * a local Pusher-protocol server provides.
 */
public interface PusherConnectionDetails extends ConnectionDetails {

	/**
	 * The app id.
	 * @return the app id
	 */
	String getAppId();

	/**
	 * The app key.
	 * @return the key
	 */
	String getKey();

	/**
	 * The app secret.
	 * @return the secret
	 */
	String getSecret();

	/**
	 * The base address of the Pusher HTTP API, such as
	 * {@code https://api-mt1.pusher.com}.
	 * @return the scheme, host and port
	 */
	URI getEndpoint();

	/**
	 * The app id, key and secret together.
	 * @return the credentials
	 */
	default PusherCredentials getCredentials() {
		return new PusherCredentials(getAppId(), getKey(), getSecret());
	}

}
