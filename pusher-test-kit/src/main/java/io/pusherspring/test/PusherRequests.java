package io.pusherspring.test;

import io.pusherspring.test.request.ConfiguredAuthPath;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * MockMvc requests as Pusher and pusher-js send them: signed webhooks, channel
 * authorization and user authentication.
 *
 * <pre class="code">
 * mockMvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42"));
 * mockMvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(user("42")));
 * </pre>
 *
 * Each request goes to the path the application MockMvc runs against configures
 * ({@code pusher.webhook.path}, {@code pusher.auth.path}, {@code pusher.auth.user-path}),
 * or to Pusher's default path when there is none. Choose another path with
 * {@code uri(...)}, such as
 * {@code PusherRequests.channelAuth(socketId, channel).uri("/api/pusher/auth")}.
 *
 * @see PusherSignatures
 */
public final class PusherRequests {

	private PusherRequests() {
	}

	/**
	 * A webhook {@code POST} to the {@code pusher.webhook.path} of the application
	 * MockMvc runs against ({@code /pusher/webhooks} by default, or another path with
	 * {@code uri(...)}), signed with the test credentials of
	 * {@link RecordPusherEvents @RecordPusherEvents} unless
	 * {@link PusherWebhookRequestBuilder#signedWith signed otherwise}. Add its events
	 * with the builder's methods.
	 * @return a request builder
	 */
	public static PusherWebhookRequestBuilder webhook() {
		return new PusherWebhookRequestBuilder();
	}

	/**
	 * A form-encoded channel authorization request to the application's
	 * {@code pusher.auth.path} ({@code /pusher/auth} by default), as pusher-js sends when
	 * subscribing to a private or presence channel.
	 * @param socketId the subscribing connection's socket id
	 * @param channelName the channel to subscribe to
	 * @return a request builder
	 */
	public static MockHttpServletRequestBuilder channelAuth(String socketId, String channelName) {
		return MockMvcRequestBuilders.post(ConfiguredAuthPath.DEFAULT_AUTH_PATH)
			.formField("socket_id", socketId)
			.formField("channel_name", channelName)
			.with(ConfiguredAuthPath.channelAuth());
	}

	/**
	 * A form-encoded user authentication request to the application's
	 * {@code pusher.auth.user-path} ({@code /pusher/user-auth} by default), as pusher-js
	 * sends for {@code pusher.signin()}.
	 * @param socketId the connection's socket id
	 * @return a request builder
	 */
	public static MockHttpServletRequestBuilder userAuth(String socketId) {
		return MockMvcRequestBuilders.post(ConfiguredAuthPath.DEFAULT_USER_AUTH_PATH)
			.formField("socket_id", socketId)
			.with(ConfiguredAuthPath.userAuth());
	}

}
