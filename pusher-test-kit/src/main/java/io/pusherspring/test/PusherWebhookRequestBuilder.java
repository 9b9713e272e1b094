package io.pusherspring.test;

import java.net.URI;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.ServletContext;
import org.jspecify.annotations.Nullable;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.autoconfigure.PusherProperties;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.test.request.ConfiguredAuthPath;
import io.pusherspring.test.request.WebhookPayload;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * Builds a Pusher webhook request for MockMvc: a JSON body {@code {"time_ms": ...,
 * "events": [...]}} with the {@code X-Pusher-Key} and {@code X-Pusher-Signature} headers
 * Pusher sends. The signature always covers the body as built, unless
 * {@link #withWrongSignature()} is asked for.
 * <p>
 * It is posted to the application's {@code pusher.webhook.path} when MockMvc runs against
 * an application context that has one ({@code /pusher/webhooks} by default), or to the
 * path given with {@link #uri(String, Object...) uri(...)}.
 *
 * @see PusherRequests#webhook()
 */
public final class PusherWebhookRequestBuilder
		extends AbstractMockHttpServletRequestBuilder<PusherWebhookRequestBuilder> {

	private final WebhookPayload payload = new WebhookPayload();

	private boolean pathChosen;

	PusherWebhookRequestBuilder() {
		super(HttpMethod.POST);
		super.uri(WebhookPayload.DEFAULT_PATH);
		contentType(MediaType.APPLICATION_JSON);
		characterEncoding(StandardCharsets.UTF_8);
		with(this::toConfiguredPath);
		sign();
	}

	/**
	 * Post to this URI instead of the application's webhook path.
	 * @param uriTemplate the URI template
	 * @param uriVariables values for its variables
	 * @return this builder
	 */
	@Override
	public PusherWebhookRequestBuilder uri(String uriTemplate, @Nullable Object... uriVariables) {
		this.pathChosen = true;
		return super.uri(uriTemplate, uriVariables);
	}

	/**
	 * Post to this URI instead of the application's webhook path.
	 * @param uri the URI
	 * @return this builder
	 */
	@Override
	public PusherWebhookRequestBuilder uri(URI uri) {
		this.pathChosen = true;
		return super.uri(uri);
	}

	/**
	 * Add a {@code channel_occupied} event: the channel got its first subscriber.
	 * @param channel the channel name
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder channelOccupied(String channel) {
		return event("channel_occupied", channel, Map.of());
	}

	/**
	 * Add a {@code channel_vacated} event: the channel lost its last subscriber.
	 * @param channel the channel name
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder channelVacated(String channel) {
		return event("channel_vacated", channel, Map.of());
	}

	/**
	 * Add a {@code member_added} event: a user joined a presence channel.
	 * @param channel the presence channel
	 * @param userId the user id
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder memberAdded(String channel, String userId) {
		return event("member_added", channel, Map.of("user_id", userId));
	}

	/**
	 * Add a {@code member_removed} event: a user left a presence channel.
	 * @param channel the presence channel
	 * @param userId the user id
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder memberRemoved(String channel, String userId) {
		return event("member_removed", channel, Map.of("user_id", userId));
	}

	/**
	 * Add a {@code client_event} event: a client triggered a {@code client-} event.
	 * @param channel the channel name
	 * @param event the client event name
	 * @param data the data, as JSON text or an object to write as JSON
	 * @param socketId the sender's socket id
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder clientEvent(String channel, String event, Object data, String socketId) {
		return clientEvent(channel, event, data, socketId, null);
	}

	/**
	 * Add a {@code client_event} event from a presence channel member.
	 * @param channel the channel name
	 * @param event the client event name
	 * @param data the data, as JSON text or an object to write as JSON
	 * @param socketId the sender's socket id
	 * @param userId the sender's user id, or {@code null}
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder clientEvent(String channel, String event, Object data, String socketId,
			@Nullable String userId) {
		this.payload.addClientEvent(channel, event, data, socketId, userId);
		return sign();
	}

	/**
	 * Add a {@code cache_miss} event: a client subscribed to an empty cache channel.
	 * @param channel the cache channel
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder cacheMiss(String channel) {
		return event("cache_miss", channel, Map.of());
	}

	/**
	 * Add a {@code subscription_count} event.
	 * @param channel the channel name
	 * @param subscriptionCount the number of subscriptions
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder subscriptionCount(String channel, int subscriptionCount) {
		return event("subscription_count", channel, Map.of("subscription_count", subscriptionCount));
	}

	/**
	 * Add an event exactly as given, such as one of a kind Pusher may add later.
	 * @param event the event's fields, {@code name} among them
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder rawEvent(Map<String, ?> event) {
		this.payload.addRaw(event);
		return sign();
	}

	/**
	 * Set when Pusher sent the webhook ({@code time_ms}); now by default.
	 * @param time the time
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder at(Instant time) {
		this.payload.setTime(time);
		return sign();
	}

	/**
	 * Sign with an app's key and secret instead of the test credentials.
	 * @param key the app key
	 * @param secret the app secret
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder signedWith(String key, String secret) {
		this.payload.setCredentials(key, secret);
		return sign();
	}

	/**
	 * Sign with an app's credentials.
	 * @param credentials the credentials
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder signedWith(PusherCredentials credentials) {
		return signedWith(credentials.key(), credentials.secret());
	}

	/**
	 * Sign with the credentials of a {@link PusherConnectionDetails}.
	 * @param connectionDetails the connection details
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder signedWith(PusherConnectionDetails connectionDetails) {
		return signedWith(connectionDetails.getKey(), connectionDetails.getSecret());
	}

	/**
	 * Sign with the credentials of the application's {@link PusherConnectionDetails}.
	 * @param context the application context
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder signedWith(ApplicationContext context) {
		return signedWith(context.getBean(PusherConnectionDetails.class));
	}

	/**
	 * Send another key in {@code X-Pusher-Key} than the one signing, as a webhook for
	 * another app would.
	 * @param key the key to send
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder withKey(String key) {
		this.payload.setHeaderKey(key);
		return sign();
	}

	/**
	 * Send a well-formed signature that does not match the body.
	 * @return this builder
	 */
	public PusherWebhookRequestBuilder withWrongSignature() {
		this.payload.signWrongly();
		return sign();
	}

	/**
	 * Moves the request to the {@code pusher.webhook.path} of the application MockMvc
	 * runs against, unless a URI was chosen.
	 */
	private MockHttpServletRequest toConfiguredPath(MockHttpServletRequest request) {
		String path = (!this.pathChosen) ? configuredPath(request.getServletContext()) : null;
		if (path != null && !path.equals(request.getPathInfo())) {
			request.setRequestURI(request.getContextPath() + request.getServletPath() + path);
			request.setPathInfo(path);
		}
		return request;
	}

	private static @Nullable String configuredPath(ServletContext servletContext) {
		PusherProperties properties = ConfiguredAuthPath.pusherProperties(servletContext);
		return (properties != null) ? properties.getWebhook().getPath() : null;
	}

	private PusherWebhookRequestBuilder event(String name, String channel, Map<String, ?> fields) {
		this.payload.add(name, channel, fields);
		return sign();
	}

	private PusherWebhookRequestBuilder sign() {
		byte[] body = this.payload.body();
		String signature = this.payload.signature(body);
		String sentKey = this.payload.keyHeader();
		content(body);
		return headers((headers) -> {
			headers.set(WebhookPayload.KEY_HEADER, sentKey);
			headers.set(WebhookPayload.SIGNATURE_HEADER, signature);
		});
	}

	@Override
	public String toString() {
		return "Pusher webhook with " + this.payload.size() + " event(s)";
	}

}
