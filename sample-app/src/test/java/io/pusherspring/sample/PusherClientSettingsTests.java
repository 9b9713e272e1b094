package io.pusherspring.sample;

import java.net.URI;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page connects to Pusher's cluster, or to the host and port the application
 * publishes to.
 */
class PusherClientSettingsTests {

	@Test
	void pushersOwnApiHostGivesTheCluster() {
		assertThat(PusherClientSettings.of(connection("https://api-eu.pusher.com")))
			.isEqualTo(new PusherClientSettings("app-key", "eu", null, null, true));
	}

	@Test
	void anyOtherHostIsWhereWebSocketsConnect() {
		assertThat(PusherClientSettings.of(connection("http://127.0.0.1:6001")))
			.isEqualTo(new PusherClientSettings("app-key", "self-hosted", "127.0.0.1", 6001, false));
		assertThat(PusherClientSettings.of(connection("https://soketi.example.com")))
			.isEqualTo(new PusherClientSettings("app-key", "self-hosted", "soketi.example.com", 443, true));
	}

	private static PusherConnectionDetails connection(String endpoint) {
		return new PusherConnectionDetails() {

			@Override
			public String getAppId() {
				return "app-id";
			}

			@Override
			public String getKey() {
				return "app-key";
			}

			@Override
			public String getSecret() {
				return "app-secret";
			}

			@Override
			public URI getEndpoint() {
				return URI.create(endpoint);
			}

		};
	}

}
