package io.pusherspring.integration.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code pusher.auth.user.max-connections=2}, pusher-java-client connections of one
 * user to a {@link LocalPusherServer} that counts subscriptions: a third subscription to
 * the user's own channel is refused with a 403 that says why, until one of the two
 * connections closes; other users are not affected. Run on both web stacks by
 * {@link UserConnectionLimitTests} and {@link ReactiveUserConnectionLimitTests}.
 */
abstract class UserConnectionLimitScenarios {

	@LocalServerPort
	private int port;

	@Autowired
	private PusherOperations operations;

	@Test
	void aThirdConnectionIsRefusedUntilOneOfTheOthersCloses() throws Exception {
		try (JavaClient laptop = client("ada"); JavaClient alan = client("alan")) {
			try (JavaClient phone = client("ada")) {
				phone.subscribe("private-user-ada");
				laptop.subscribe("private-user-ada");
				alan.subscribe("private-user-alan");
				try (JavaClient tablet = client("ada")) {
					tablet.startSubscribing("private-user-ada");
					assertThat(tablet.next()).startsWith("authentication failed");
				}
				HttpResponse<String> refused = channelAuth("ada", "private-user-ada");
				assertThat(refused.statusCode()).isEqualTo(403);
				assertThat(refused.body()).contains("user ada already has 2 connections; at most 2 are allowed");
				assertThat(channelAuth("alan", "private-user-alan").statusCode()).isEqualTo(200);
			}
			await().atMost(JavaClient.TIMEOUT).until(() -> subscriptions("private-user-ada") == 1);
			try (JavaClient tablet = client("ada")) {
				tablet.subscribe("private-user-ada");
			}
		}
	}

	@Test
	void channelsOtherThanTheUsersOwnAreNotCounted() {
		try (JavaClient phone = client("ada"); JavaClient laptop = client("ada"); JavaClient tablet = client("ada")) {
			for (JavaClient client : new JavaClient[] { phone, laptop, tablet }) {
				client.subscribe("private-class-7");
			}
		}
	}

	private int subscriptions(String channel) {
		Integer count = this.operations.channel(channel, ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount();
		return (count != null) ? count : 0;
	}

	HttpResponse<String> channelAuth(String user, String channel) throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString((user + ":" + LiveClassroomApplication.PASSWORD).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/pusher/auth"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("socket_id=1234.5678&channel_name=" + channel))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	private JavaClient client(String user) {
		return JavaClient.as(user, pusher(), this.port).connect();
	}

	/**
	 * The Pusher server of the test class, counting subscriptions.
	 */
	abstract LocalPusherServer pusher();

	/**
	 * Each user may listen to their own channel: a decision from the context alone,
	 * declared never to block, so that on WebFlux the limit's query to Pusher must leave
	 * the event loop by itself.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnChannels {

		@Bean
		ChannelAuthorizer ownUserChannel() {
			return ChannelAuthorizer
				.allowIf("private-user-{userId}", (context) -> context.variable("userId").equals(context.userName()))
				.nonBlocking();
		}

	}

}
