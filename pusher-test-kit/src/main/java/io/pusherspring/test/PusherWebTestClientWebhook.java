package io.pusherspring.test;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.test.request.WebhookPayload;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.Assert;

/**
 * Builds a Pusher webhook for {@link WebTestClient}: a JSON body {@code {"time_ms": ...,
 * "events": [...]}} with the {@code X-Pusher-Key} and {@code X-Pusher-Signature} headers
 * Pusher sends. The signature covers the body as built, unless
 * {@link #withWrongSignature()} is asked for. The twin of
 * {@link PusherWebhookRequestBuilder}, with the same methods.
 *
 * @see PusherWebTestClientRequests#webhook()
 */
public final class PusherWebTestClientWebhook {

	private final WebhookPayload payload;

	private String path = WebhookPayload.DEFAULT_PATH;

	PusherWebTestClientWebhook(WebhookPayload payload) {
		this.payload = payload;
	}

	/**
	 * Post to this path instead of {@code /pusher/webhooks}.
	 * @param path the path, such as the application's {@code pusher.webhook.path}
	 * @return this builder
	 */
	public PusherWebTestClientWebhook path(String path) {
		Assert.isTrue(path != null && path.startsWith("/"), "'path' must start with '/'");
		this.path = path;
		return this;
	}

	/**
	 * Add a {@code channel_occupied} event: the channel got its first subscriber.
	 * @param channel the channel name
	 * @return this builder
	 */
	public PusherWebTestClientWebhook channelOccupied(String channel) {
		return event("channel_occupied", channel, Map.of());
	}

	/**
	 * Add a {@code channel_vacated} event: the channel lost its last subscriber.
	 * @param channel the channel name
	 * @return this builder
	 */
	public PusherWebTestClientWebhook channelVacated(String channel) {
		return event("channel_vacated", channel, Map.of());
	}

	/**
	 * Add a {@code member_added} event: a user joined a presence channel.
	 * @param channel the presence channel
	 * @param userId the user id
	 * @return this builder
	 */
	public PusherWebTestClientWebhook memberAdded(String channel, String userId) {
		return event("member_added", channel, Map.of("user_id", userId));
	}

	/**
	 * Add a {@code member_removed} event: a user left a presence channel.
	 * @param channel the presence channel
	 * @param userId the user id
	 * @return this builder
	 */
	public PusherWebTestClientWebhook memberRemoved(String channel, String userId) {
		return event("member_removed", channel, Map.of("user_id", userId));
	}

	/**
	 * Add a {@code client_event} event from a presence channel member, or from any
	 * subscriber with a {@code null} user id.
	 * @param channel the channel name
	 * @param event the client event name
	 * @param data the data, as JSON text or an object to write as JSON
	 * @param socketId the sender's socket id
	 * @param userId the sender's user id, or {@code null}
	 * @return this builder
	 */
	public PusherWebTestClientWebhook clientEvent(String channel, String event, Object data, String socketId,
			@Nullable String userId) {
		this.payload.addClientEvent(channel, event, data, socketId, userId);
		return this;
	}

	/**
	 * Add a {@code cache_miss} event: a client subscribed to an empty cache channel.
	 * @param channel the cache channel
	 * @return this builder
	 */
	public PusherWebTestClientWebhook cacheMiss(String channel) {
		return event("cache_miss", channel, Map.of());
	}

	/**
	 * Add a {@code subscription_count} event.
	 * @param channel the channel name
	 * @param subscriptionCount the number of subscriptions
	 * @return this builder
	 */
	public PusherWebTestClientWebhook subscriptionCount(String channel, int subscriptionCount) {
		return event("subscription_count", channel, Map.of("subscription_count", subscriptionCount));
	}

	/**
	 * Add an event exactly as given, such as one of a kind Pusher may add later.
	 * @param event the event's fields, {@code name} among them
	 * @return this builder
	 */
	public PusherWebTestClientWebhook rawEvent(Map<String, ?> event) {
		this.payload.addRaw(event);
		return this;
	}

	/**
	 * Set when Pusher sent the webhook ({@code time_ms}); now by default.
	 * @param time the time
	 * @return this builder
	 */
	public PusherWebTestClientWebhook at(Instant time) {
		this.payload.setTime(time);
		return this;
	}

	/**
	 * Sign with an app's key and secret instead of the test credentials.
	 * @param key the app key
	 * @param secret the app secret
	 * @return this builder
	 */
	public PusherWebTestClientWebhook signedWith(String key, String secret) {
		this.payload.setCredentials(key, secret);
		return this;
	}

	/**
	 * Sign with an app's credentials.
	 * @param credentials the credentials
	 * @return this builder
	 */
	public PusherWebTestClientWebhook signedWith(PusherCredentials credentials) {
		return signedWith(credentials.key(), credentials.secret());
	}

	/**
	 * Sign with the credentials of a {@link PusherConnectionDetails}, such as the
	 * application's.
	 * @param connectionDetails the connection details
	 * @return this builder
	 */
	public PusherWebTestClientWebhook signedWith(PusherConnectionDetails connectionDetails) {
		return signedWith(connectionDetails.getKey(), connectionDetails.getSecret());
	}

	/**
	 * Send another key in {@code X-Pusher-Key} than the one signing, as a webhook for
	 * another app would.
	 * @param key the key to send
	 * @return this builder
	 */
	public PusherWebTestClientWebhook withKey(String key) {
		this.payload.setHeaderKey(key);
		return this;
	}

	/**
	 * Send a well-formed signature that does not match the body.
	 * @return this builder
	 */
	public PusherWebTestClientWebhook withWrongSignature() {
		this.payload.signWrongly();
		return this;
	}

	/**
	 * The request, signed as built so far.
	 * @param client the client
	 * @return the request, ready for more headers and {@code exchange()}
	 */
	public WebTestClient.RequestHeadersSpec<?> post(WebTestClient client) {
		byte[] body = this.payload.body();
		return client.post()
			.uri(this.path)
			.contentType(MediaType.APPLICATION_JSON)
			.header(WebhookPayload.KEY_HEADER, this.payload.keyHeader())
			.header(WebhookPayload.SIGNATURE_HEADER, this.payload.signature(body))
			.bodyValue(body);
	}

	private PusherWebTestClientWebhook event(String name, String channel, Map<String, ?> fields) {
		this.payload.add(name, channel, fields);
		return this;
	}

	@Override
	public String toString() {
		return "Pusher webhook with " + this.payload.size() + " event(s)";
	}

}
