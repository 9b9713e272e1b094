package io.pusherspring.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * What a front end needs to connect to the app's Pusher-protocol server, derived from the
 * {@link PusherConnectionDetails}, never with the secret: Pusher's cluster when the
 * application publishes to {@code api-{cluster}.pusher.com}, else the same host and port
 * (soketi, Reverb and the test kit's {@code LocalPusherServer} serve their HTTP API and
 * their WebSockets together). The names are pusher-js's options, so the settings can be
 * sent to a page as JSON and passed on as they are:
 *
 * <pre class="code">
 * const options = { cluster: settings.cluster, forceTLS: settings.forceTLS };
 * if (settings.wsHost) {
 *   Object.assign(options, { wsHost: settings.wsHost, wsPort: settings.wsPort, wssPort: settings.wsPort });
 * }
 * const pusher = new Pusher(settings.key, options);
 * </pre>
 *
 * pusher-java-client takes the same values ({@code setCluster}, {@code setHost},
 * {@code setWsPort}, {@code setUseTLS}).
 *
 * @param key the app key
 * @param cluster Pusher's cluster, such as {@code eu}; {@value #SELF_HOSTED_CLUSTER} for
 * any other server, since pusher-js requires a cluster even when {@code wsHost} is set,
 * and uses it for nothing then
 * @param wsHost the WebSocket host, or {@code null} for Pusher's own
 * @param wsPort the WebSocket port, or {@code null} for Pusher's own
 * @param forceTLS whether to connect with {@code wss:}, as the application's API calls
 * use {@code https:}
 */
public record PusherClientSettings(String key, String cluster, @Nullable String wsHost, @Nullable Integer wsPort,
		boolean forceTLS) {

	/** The cluster named for a server other than Pusher's own. */
	public static final String SELF_HOSTED_CLUSTER = "self-hosted";

	private static final String PUSHER_API_HOST_PREFIX = "api-";

	private static final String PUSHER_DOMAIN = ".pusher.com";

	/** The host of Pusher's first cluster, before clusters had their own. */
	private static final String LEGACY_PUSHER_API_HOST = "api.pusherapp.com";

	/**
	 * Create settings, checking that the key and cluster are set, and the WebSocket host
	 * and port both or neither.
	 * @param key the app key
	 * @param cluster Pusher's cluster
	 * @param wsHost the WebSocket host, or {@code null} for Pusher's own
	 * @param wsPort the WebSocket port, or {@code null} for Pusher's own
	 * @param forceTLS whether to connect with {@code wss:}
	 */
	public PusherClientSettings {
		Assert.hasText(key, "'key' must not be empty");
		Assert.hasText(cluster, "'cluster' must not be empty");
		Assert.isTrue((wsHost == null) == (wsPort == null), "'wsHost' and 'wsPort' must be set together");
	}

	/**
	 * The settings for clients of the server that an application publishes to.
	 * @param connectionDetails where the application publishes
	 * @return the settings
	 */
	public static PusherClientSettings from(PusherConnectionDetails connectionDetails) {
		URI endpoint = connectionDetails.getEndpoint();
		String host = endpoint.getHost();
		boolean tls = "https".equals(endpoint.getScheme());
		String cluster = pusherCluster(host);
		if (cluster != null) {
			return new PusherClientSettings(connectionDetails.getKey(), cluster, null, null, tls);
		}
		int port = (endpoint.getPort() != -1) ? endpoint.getPort() : (tls ? 443 : 80);
		return new PusherClientSettings(connectionDetails.getKey(), SELF_HOSTED_CLUSTER, host, port, tls);
	}

	private static @Nullable String pusherCluster(String host) {
		if (LEGACY_PUSHER_API_HOST.equals(host)) {
			return "mt1";
		}
		if (host.startsWith(PUSHER_API_HOST_PREFIX) && host.endsWith(PUSHER_DOMAIN)) {
			String cluster = host.substring(PUSHER_API_HOST_PREFIX.length(), host.length() - PUSHER_DOMAIN.length());
			return (!cluster.isEmpty() && cluster.indexOf('.') == -1) ? cluster : null;
		}
		return null;
	}

}
