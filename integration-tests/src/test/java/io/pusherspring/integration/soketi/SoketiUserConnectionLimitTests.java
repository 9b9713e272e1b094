package io.pusherspring.integration.soketi;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.conformance.ConformanceApplication;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.integration.servers.SoketiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code pusher.auth.user.max-connections} against soketi 1.6.1, which reports
 * {@code subscription_count} without a setting: pusher-java-client connections of one
 * user are refused the user's own channel beyond the limit, and let in again once one
 * closes.
 */
@SpringBootTest(classes = { ConformanceApplication.class, SoketiUserConnectionLimitTests.OwnChannels.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pusher.auth.user.max-connections=2")
class SoketiUserConnectionLimitTests {

	@RegisterExtension
	static SoketiServer soketi = new SoketiServer();

	@DynamicPropertySource
	static void soketiProperties(DynamicPropertyRegistry registry) {
		soketi.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private PusherOperations operations;

	@Test
	void aThirdConnectionIsRefusedUntilOneOfTheOthersCloses() {
		try (JavaClient laptop = client("ada"); JavaClient grace = client("grace")) {
			try (JavaClient phone = client("ada")) {
				phone.subscribe("private-user-ada");
				laptop.subscribe("private-user-ada");
				grace.subscribe("private-user-grace");
				await().atMost(JavaClient.TIMEOUT).until(() -> subscriptions("private-user-ada") == 2);
				try (JavaClient tablet = client("ada")) {
					tablet.startSubscribing("private-user-ada");
					assertThat(tablet.next()).startsWith("authentication failed");
				}
			}
			await().atMost(JavaClient.TIMEOUT).until(() -> subscriptions("private-user-ada") == 1);
			try (JavaClient tablet = client("ada")) {
				tablet.subscribe("private-user-ada");
			}
		}
	}

	private int subscriptions(String channel) {
		Integer count = this.operations.channel(channel, ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount();
		return (count != null) ? count : 0;
	}

	private JavaClient client(String user) {
		return JavaClient
			.as(user, ConformanceApplication.PASSWORD, soketi.getHost(), soketi.getPort(), soketi.getKey(),
					"http://127.0.0.1:" + this.port)
			.connect();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnChannels {

		@Bean
		ChannelAuthorizer ownUserChannel() {
			return ChannelAuthorizer.allowIf("private-user-{userId}",
					(context) -> context.variable("userId").equals(context.userName()));
		}

	}

}
