package io.pusherspring.integration.webhook;

import java.time.Duration;
import java.time.Instant;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.webhook.ChannelOccupied;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks through MockMvc, on a configured path that the test kit's requests find by
 * themselves.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
@SpringBootTest(classes = WebhookApplication.class,
		properties = { "pusher.webhook.path=/hooks/pusher", "pusher.webhook.max-age=2m" })
@AutoConfigureMockMvc
@RecordPusherEvents
class WebhookMockMvcTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RecordedWebhookEvents listener;

	@Autowired
	private BodyCountingFilter bodies;

	@BeforeEach
	void clear() {
		this.listener.clear();
	}

	@Test
	void publishesTheEventsOfAVerifiedWebhook() throws Exception {
		this.mvc
			.perform(PusherRequests.webhook()
				.memberAdded("presence-class-7", "42")
				.clientEvent("private-class-7", "client-raised-hand", "{\"student\":\"42\"}", "1.2")
				.channelOccupied("private-class-7"))
			.andExpect(status().isOk());
		assertThat(this.listener.events()).hasSize(3)
			.hasExactlyElementsOfTypes(MemberAdded.class, ClientEvent.class, ChannelOccupied.class);
	}

	@Test
	void answersEveryRejectionWithItsStatus() throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-c", "42").with((request) -> {
			request.setMethod(HttpMethod.PUT.name());
			return request;
		})).andExpect(status().isMethodNotAllowed()).andExpect(header().string("Allow", "POST"));
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-c", "42").withKey("another-app"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string("Pusher webhook rejected: unknown key"));
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-c", "42").withWrongSignature())
			.andExpect(status().isUnauthorized())
			.andExpect(content().string("Pusher webhook rejected: invalid signature"));
		this.mvc
			.perform(PusherRequests.webhook()
				.subscriptionCount("private-a", 1)
				.headers((headers) -> headers.set("X-Pusher-Signature", "00")))
			.andExpect(status().isUnauthorized());
		this.mvc
			.perform(PusherRequests.webhook()
				.rawEvent(java.util.Map.of("name", "subscription_count", "channel", "private-a")))
			.andExpect(status().isBadRequest())
			.andExpect(content().string("Pusher webhook rejected: malformed body"));
		this.mvc.perform(PusherRequests.webhook().at(Instant.now().minus(Duration.ofMinutes(3))).cacheMiss("cache-a"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string("Pusher webhook rejected: expired"));
		this.mvc.perform(PusherRequests.webhook().at(Instant.now().plus(Duration.ofMinutes(3))).cacheMiss("cache-a"))
			.andExpect(status().isUnauthorized());
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void refusesATenMegabyteBodyWithoutReadingIt() throws Exception {
		byte[] body = new byte[10 * 1024 * 1024];
		this.mvc.perform(PusherRequests.webhook().cacheMiss("cache-a").content(body))
			.andExpect(status().isPayloadTooLarge());
		assertThat(this.bodies.lastBytesRead()).isZero();
	}

	@Test
	void answers500WhenAListenerThrows() throws Exception {
		this.mvc.perform(PusherRequests.webhook().channelVacated(RecordedWebhookEvents.FAILING_CHANNEL))
			.andExpect(status().isInternalServerError());
		assertThat(this.listener.events()).extracting(WebhookEvent::channel)
			.containsExactly(RecordedWebhookEvents.FAILING_CHANNEL);
	}

	@Test
	void guardsOnlyTheConfiguredPath() throws Exception {
		this.mvc.perform(PusherRequests.webhook().uri("/pusher/webhooks").memberAdded("presence-c", "42"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotIn(200, 401));
		assertThat(this.listener.events()).isEmpty();
	}

}
