package io.pusherspring.test;

import java.net.URI;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

/**
 * Connection details an application could define itself, for tests that need credentials
 * other than the kit's.
 */
final class ConnectionDetailsFixture {

	private ConnectionDetailsFixture() {
	}

	static PusherConnectionDetails of(String key, String secret) {
		return new PusherConnectionDetails() {

			@Override
			public String getAppId() {
				return "1";
			}

			@Override
			public String getKey() {
				return key;
			}

			@Override
			public String getSecret() {
				return secret;
			}

			@Override
			public URI getEndpoint() {
				return URI.create("http://localhost");
			}

		};
	}

}
