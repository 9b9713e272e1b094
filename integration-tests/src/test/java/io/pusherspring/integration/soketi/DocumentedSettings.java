package io.pusherspring.integration.soketi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.pusherspring.integration.servers.RedisServer;

/**
 * The soketi settings the docs show ({@code soketi.env} and {@code soketi-cluster.env}
 * next to this class), with the addresses of the servers a test started in place of the
 * documented ones.
 */
final class DocumentedSettings {

	private DocumentedSettings() {
	}

	/**
	 * The documented app settings, webhooks posted to an application.
	 * @param webhooks the application's webhook URL
	 * @return the {@code .env} file
	 */
	static String app(URI webhooks) {
		return read("soketi.env").replace("http://localhost:8080/pusher/webhooks", webhooks.toString());
	}

	/**
	 * The documented settings that join nodes through Redis.
	 * @param redis the Redis server
	 * @return the {@code .env} file
	 */
	static String cluster(RedisServer redis) {
		return read("soketi-cluster.env").replace("=redis.internal", "=" + redis.getHost())
			.replace("=6379", "=" + redis.getPort());
	}

	private static String read(String name) {
		try (InputStream in = DocumentedSettings.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
