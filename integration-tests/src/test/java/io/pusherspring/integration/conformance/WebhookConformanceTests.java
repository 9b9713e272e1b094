package io.pusherspring.integration.conformance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.pusher.client.channel.PrivateChannel;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.local.JavaClient;
import io.pusherspring.webhook.ChannelOccupied;
import io.pusherspring.webhook.ChannelVacated;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.system.CapturedOutput;

import static io.pusherspring.integration.conformance.ServerEnvironment.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server's webhooks, signed with the app secret, reach the application through the
 * starter's {@code PusherWebhookFilter}, which verifies them and publishes each entry as
 * a typed event.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Server.class)
class WebhookConformanceTests extends ConformanceTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	/** Longer than the local server's retries (after 0.2, 1 and 3 seconds) take. */
	private static final Duration LOCAL_RETRY_WINDOW = Duration.ofSeconds(5);

	@Test
	void channelMemberAndClientEventWebhooksArriveVerified() {
		String channel = channel("presence-room-");
		Instant start = Instant.now().minusSeconds(1);
		try (JavaClient grace = this.environment.javaClient("grace");
				JavaClient ada = this.environment.javaClient("ada")) {
			grace.subscribe(channel, "client-raise-hand");
			ada.subscribe(channel);
			grace.next();
			PrivateChannel room = ada.pusher().getPresenceChannel(channel);
			room.trigger("client-raise-hand", "{\"question\":\"May I?\"}");
			grace.next();
			ada.pusher().unsubscribe(channel);
			grace.next();
			grace.pusher().unsubscribe(channel);
		}
		await().atMost(WAIT).untilAsserted(() -> assertThat(this.environment.webhooks().about(channel)).hasSize(7));
		List<WebhookEvent> events = this.environment.webhooks().about(channel);
		assertThat(events).extracting(WebhookEvent::name)
			.containsExactlyInAnyOrder("channel_occupied", "member_added", "member_added", "client_event",
					"member_removed", "member_removed", "channel_vacated");
		assertThat(events).filteredOn(ChannelOccupied.class::isInstance).hasSize(1);
		assertThat(events).filteredOn(ChannelVacated.class::isInstance).hasSize(1);
		assertThat(events).filteredOn(MemberAdded.class::isInstance)
			.extracting((event) -> ((MemberAdded) event).userId())
			.containsExactlyInAnyOrder("grace", "ada");
		assertThat(events).filteredOn(MemberRemoved.class::isInstance)
			.extracting((event) -> ((MemberRemoved) event).userId())
			.containsExactlyInAnyOrder("grace", "ada");
		assertThat(events).filteredOn(ClientEvent.class::isInstance).singleElement().satisfies((event) -> {
			ClientEvent raised = (ClientEvent) event;
			assertThat(raised.event()).isEqualTo("client-raise-hand");
			assertThat(raised.userId()).isEqualTo("ada");
			assertThat(raised.data()).isEqualTo("{\"question\":\"May I?\"}");
			assertThat(raised.socketId()).matches("\\d+\\.\\d+");
		});
		assertThat(events).allSatisfy((event) -> assertThat(event.time()).isAfter(start));
	}

	@Test
	@ExtendWith(QuietOutputCaptureExtension.class)
	void aWebhookTheApplicationFailedOnIsDeliveredAgain(CapturedOutput output) throws Exception {
		String channel = channel("flaky-");
		try (RawClient client = this.environment.rawClient()) {
			client.subscribe(channel, null);
			client.next("pusher_internal:subscription_succeeded");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.environment.webhooks().failedAbout(channel)).hasSize(1));
		}
		if (this.server.differsIn(SoketiDifference.WEBHOOKS_NOT_RETRIED)) {
			// the vacated channel's webhook fails too; nothing is ever delivered again
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(this.environment.webhooks().failedAbout(channel)).hasSize(2));
			Thread.sleep(LOCAL_RETRY_WINDOW.toMillis());
			assertThat(this.environment.webhooks().about(channel)).isEmpty();
		}
		else {
			await().atMost(WAIT)
				.untilAsserted(
						() -> assertThat(this.environment.webhooks().about(channel)).extracting(WebhookEvent::name)
							.containsExactly("channel_occupied", "channel_vacated"));
		}
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
				.isNotEmpty()
				.allSatisfy((line) -> assertThat(line).contains("A listener failed on Pusher webhook event channel_")
					.contains("answering 500 so that Pusher retries")
					.endsWith("The first delivery of a webhook about " + channel + " fails")));
		assertThat(output).doesNotContain("\tat ");
	}

}
