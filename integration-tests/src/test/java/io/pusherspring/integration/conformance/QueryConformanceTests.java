package io.pusherspring.integration.conformance;

import java.util.Map;

import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.integration.local.JavaClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The starter's {@code channel}, {@code channels} and {@code users} queries answer from
 * the server's live connections.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class QueryConformanceTests extends ConformanceTest {

	@Test
	void aPresenceChannelReportsItsDistinctUsersAndItsConnections() {
		String channel = channel("presence-room-");
		PusherOperations operations = this.environment.operations();
		try (JavaClient phone = this.environment.javaClient("ada");
				JavaClient laptop = this.environment.javaClient("ada");
				JavaClient grace = this.environment.javaClient("grace")) {
			phone.subscribe(channel);
			laptop.subscribe(channel);
			grace.subscribe(channel);
			ChannelInfo info = operations.channel(channel, ChannelInfo.USER_COUNT);
			assertThat(info.occupied()).isTrue();
			assertThat(info.userCount()).isEqualTo(2);
			if (this.server.differsIn(SoketiDifference.SUBSCRIPTION_COUNT_ALWAYS_REPORTED)) {
				assertThat(operations.channel(channel, ChannelInfo.SUBSCRIPTION_COUNT).subscriptionCount())
					.isEqualTo(3);
			}
			else {
				// as on Pusher, whose apps count subscriptions only when switched on
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> operations.channel(channel, ChannelInfo.SUBSCRIPTION_COUNT))
					.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(400));
			}
			assertThat(operations.users(channel)).containsExactlyInAnyOrder("ada", "grace");
		}
	}

	@Test
	void aChannelNobodyIsSubscribedToIsNotOccupied() {
		ChannelInfo info = this.environment.operations().channel(channel("private-room-"));
		assertThat(info.occupied()).isFalse();
		assertThat(info.userCount()).isNull();
	}

	@Test
	void theChannelListHasTheOccupiedChannelsOfAPrefix() {
		String prefix = channel("presence-room-") + "-";
		String first = prefix + "a";
		String second = prefix + "b";
		PusherOperations operations = this.environment.operations();
		try (JavaClient ada = this.environment.javaClient("ada");
				JavaClient grace = this.environment.javaClient("grace")) {
			ada.subscribe(first);
			grace.subscribe(first);
			grace.subscribe(second);
			Map<String, ChannelInfo> listed = operations.channels(prefix, ChannelInfo.USER_COUNT);
			assertThat(listed).containsOnlyKeys(first, second);
			assertThat(listed.values()).allSatisfy((info) -> assertThat(info.occupied()).isTrue());
			if (this.server.differsIn(SoketiDifference.USER_COUNT_MISSING_FROM_CHANNEL_LIST)) {
				assertThat(listed.values()).allSatisfy((info) -> assertThat(info.userCount()).isNull());
			}
			else {
				assertThat(listed.get(first).userCount()).isEqualTo(2);
				assertThat(listed.get(second).userCount()).isEqualTo(1);
			}
			grace.pusher().unsubscribe(second);
			await().atMost(JavaClient.TIMEOUT)
				.untilAsserted(() -> assertThat(operations.channels(prefix)).containsOnlyKeys(first));
		}
	}

}
