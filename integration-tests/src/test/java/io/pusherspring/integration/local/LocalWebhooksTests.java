package io.pusherspring.integration.local;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.pusher.client.channel.PrivateChannel;
import io.pusherspring.integration.local.LiveClassroomApplication.HeardWebhooks;
import io.pusherspring.test.LocalPusherServer;
import io.pusherspring.webhook.ChannelOccupied;
import io.pusherspring.webhook.ChannelVacated;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.SubscriptionCount;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks from a {@link LocalPusherServer} through the starter's
 * {@code PusherWebhookFilter} to an application's {@code @EventListener}s: signed with
 * the app secret, verified, and published as typed events, while real clients come and
 * go.
 */
@SpringBootTest(classes = LiveClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class LocalWebhooksTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer("local-app", "webhook-key", "webhook-secret")
		.subscriptionCounting(true);

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Autowired
	private HeardWebhooks heard;

	@BeforeEach
	void sendWebhooksToTheApplication() {
		pusher.webhookUrl(URI.create("http://127.0.0.1:" + this.port + "/pusher/webhooks"));
		this.heard.clear();
	}

	@Test
	void reportsPresenceChangesAndClientEventsAsTypedEvents() {
		Instant start = Instant.now().minusSeconds(1);
		try (JavaClient grace = JavaClient.as("grace", pusher, this.port).connect();
				JavaClient ada = JavaClient.as("ada", pusher, this.port).connect()) {
			grace.subscribe("presence-class-7", "client-raise-hand");
			ada.subscribe("presence-class-7");
			grace.next();
			PrivateChannel room = ada.pusher().getPresenceChannel("presence-class-7");
			room.trigger("client-raise-hand", "{\"question\":\"May I?\"}");
			grace.next();
			ada.pusher().unsubscribe("presence-class-7");
			grace.next();
			grace.pusher().unsubscribe("presence-class-7");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.heard.events().size() >= 7);
		}
		List<WebhookEvent> events = this.heard.events();
		assertThat(events).extracting(WebhookEvent::name)
			.containsExactly("channel_occupied", "member_added", "member_added", "client_event", "member_removed",
					"member_removed", "channel_vacated");
		assertThat(events.get(0)).isInstanceOfSatisfying(ChannelOccupied.class,
				(occupied) -> assertThat(occupied.channel()).isEqualTo("presence-class-7"));
		assertThat(events.get(1)).isInstanceOfSatisfying(MemberAdded.class,
				(added) -> assertThat(added.userId()).isEqualTo("grace"));
		assertThat(events.get(2)).isInstanceOfSatisfying(MemberAdded.class,
				(added) -> assertThat(added.userId()).isEqualTo("ada"));
		assertThat(events.get(3)).isInstanceOfSatisfying(ClientEvent.class, (raised) -> {
			assertThat(raised.event()).isEqualTo("client-raise-hand");
			assertThat(raised.userId()).isEqualTo("ada");
			assertThat(raised.data()).isEqualTo("{\"question\":\"May I?\"}");
		});
		assertThat(events.get(4)).isInstanceOfSatisfying(MemberRemoved.class,
				(removed) -> assertThat(removed.userId()).isEqualTo("ada"));
		assertThat(events.get(6)).isInstanceOf(ChannelVacated.class);
		assertThat(events).allSatisfy((event) -> assertThat(event.time()).isAfter(start));
	}

	@Test
	void reportsTheSubscriptionCountsOfChannelsOtherThanPresenceChannelsToClientsAndTheApplication() {
		try (JavaClient ada = JavaClient.as("ada", pusher, this.port).connect();
				JavaClient alan = JavaClient.as("alan", pusher, this.port).connect()) {
			ada.subscribe("private-class-7", "pusher:subscription_count");
			assertThat(ada.next())
				.isEqualTo("pusher:subscription_count on private-class-7: {\"subscription_count\":1}");
			alan.subscribe("private-class-7");
			assertThat(ada.next())
				.isEqualTo("pusher:subscription_count on private-class-7: {\"subscription_count\":2}");
			alan.subscribe("presence-class-7");
			alan.pusher().unsubscribe("private-class-7");
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.heard.events()
				.stream()
				.anyMatch((event) -> event instanceof ChannelVacated vacated
						&& vacated.channel().equals("private-class-7")));
		List<SubscriptionCount> counts = this.heard.events()
			.stream()
			.filter(SubscriptionCount.class::isInstance)
			.map(SubscriptionCount.class::cast)
			.toList();
		assertThat(counts).extracting(SubscriptionCount::channel).containsOnly("private-class-7");
		assertThat(counts).extracting(SubscriptionCount::subscriptionCount).containsExactly(1, 2, 1, 0);
		assertThat(counts).extracting(SubscriptionCount::id).doesNotHaveDuplicates();
	}

	@Test
	void batchesWhatHappensTogetherIntoOneDelivery() {
		try (JavaClient alan = JavaClient.as("alan", pusher, this.port).connect()) {
			alan.subscribe("presence-class-8");
			await().atMost(Duration.ofSeconds(10)).until(() -> this.heard.events().size() >= 2);
		}
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.heard.events().stream().anyMatch(ChannelVacated.class::isInstance));
		List<WebhookEvent> events = this.heard.events();
		assertThat(events).extracting(WebhookEvent::name).startsWith("channel_occupied", "member_added");
		// one delivery: the entries share its time
		assertThat(events.get(0).time()).isEqualTo(events.get(1).time());
	}

}
