package io.pusherspring.sample;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import org.jspecify.annotations.Nullable;

/**
 * What pusher-js in the page needs to connect, derived from where the application
 * publishes: Pusher's cluster for {@code api-{cluster}.pusher.com}, else the same host
 * and port (soketi, Reverb and the test kit's {@code LocalPusherServer} serve their HTTP
 * API and WebSockets together). Never the secret.
 *
 * @param key the app key
 * @param cluster Pusher's cluster; pusher-js requires one even when {@code wsHost} is set
 * @param wsHost the WebSocket host, or {@code null} for Pusher's own
 * @param wsPort the WebSocket port, or {@code null} for Pusher's own
 * @param forceTLS whether to connect with {@code wss:}
 */
record PusherClientSettings(String key, String cluster, @Nullable String wsHost, @Nullable Integer wsPort,
		boolean forceTLS) {

	private static final Pattern PUSHER_API_HOST = Pattern.compile("api-([a-z0-9-]+)\\.pusher\\.com");

	static PusherClientSettings of(PusherConnectionDetails connection) {
		URI endpoint = connection.getEndpoint();
		boolean tls = "https".equals(endpoint.getScheme());
		Matcher pusher = PUSHER_API_HOST.matcher(endpoint.getHost());
		if (pusher.matches()) {
			return new PusherClientSettings(connection.getKey(), pusher.group(1), null, null, tls);
		}
		int port = (endpoint.getPort() != -1) ? endpoint.getPort() : (tls ? 443 : 80);
		return new PusherClientSettings(connection.getKey(), "self-hosted", endpoint.getHost(), port, tls);
	}

}
