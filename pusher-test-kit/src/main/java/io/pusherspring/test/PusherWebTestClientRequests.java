package io.pusherspring.test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import io.pusherspring.test.request.WebhookPayload;

/**
 * {@link WebTestClient} requests as Pusher and pusher-js send them, for Spring WebFlux
 * applications (and any other that a {@code WebTestClient} reaches): signed webhooks,
 * channel authorization and user authentication. The twin of {@link PusherRequests},
 * which builds them for MockMvc; this class needs no servlet API.
 *
 * <pre class="code">
 * PusherWebTestClientRequests.channelAuth(webTestClient, "1234.5678", "private-user-42")
 *     .exchange()
 *     .expectStatus().isOk();
 * PusherWebTestClientRequests.webhook().memberAdded("presence-class-7", "42")
 *     .post(webTestClient)
 *     .exchange()
 *     .expectStatus().isOk();
 * </pre>
 *
 * Requests go to Pusher's default paths ({@code /pusher/auth}, {@code /pusher/user-auth},
 * {@code /pusher/webhooks}); for other paths, post the {@link #channelAuthForm form} to
 * your own URI, or choose the webhook's with
 * {@link PusherWebTestClientWebhook#path(String)}.
 *
 * @see PusherSignatures
 */
public final class PusherWebTestClientRequests {

	private PusherWebTestClientRequests() {
	}

	/**
	 * A form-encoded channel authorization request to {@code /pusher/auth}, as pusher-js
	 * sends when subscribing to a private or presence channel.
	 * @param client the client
	 * @param socketId the subscribing connection's socket id
	 * @param channelName the channel to subscribe to
	 * @return the request, ready for more headers and {@code exchange()}
	 */
	public static WebTestClient.RequestHeadersSpec<?> channelAuth(WebTestClient client, String socketId,
			String channelName) {
		return client.post()
			.uri("/pusher/auth")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(channelAuthForm(socketId, channelName)));
	}

	/**
	 * A form-encoded user authentication request to {@code /pusher/user-auth}, as
	 * pusher-js sends for {@code pusher.signin()}.
	 * @param client the client
	 * @param socketId the connection's socket id
	 * @return the request, ready for more headers and {@code exchange()}
	 */
	public static WebTestClient.RequestHeadersSpec<?> userAuth(WebTestClient client, String socketId) {
		return client.post()
			.uri("/pusher/user-auth")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(userAuthForm(socketId)));
	}

	/**
	 * The form of a channel authorization request, for a path of your own:
	 * {@code client.post().uri(path).body(BodyInserters.fromFormData(channelAuthForm(...)))}.
	 * @param socketId the subscribing connection's socket id
	 * @param channelName the channel to subscribe to
	 * @return the form fields
	 */
	public static MultiValueMap<String, String> channelAuthForm(String socketId, String channelName) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("socket_id", socketId);
		form.add("channel_name", channelName);
		return form;
	}

	/**
	 * The form of a user authentication request, for a path of your own.
	 * @param socketId the connection's socket id
	 * @return the form fields
	 */
	public static MultiValueMap<String, String> userAuthForm(String socketId) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("socket_id", socketId);
		return form;
	}

	/**
	 * A webhook {@code POST} to {@code /pusher/webhooks}, signed with the test
	 * credentials of {@link RecordPusherEvents @RecordPusherEvents} unless
	 * {@link PusherWebTestClientWebhook#signedWith signed otherwise}. Add its events with
	 * the builder's methods, then {@link PusherWebTestClientWebhook#post post} it.
	 * @return a webhook builder
	 */
	public static PusherWebTestClientWebhook webhook() {
		return new PusherWebTestClientWebhook(new WebhookPayload());
	}

}
