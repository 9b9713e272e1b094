package io.pusherspring.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherWebhookEndpoint}, publishing to the listeners of a real
 * application context.
 */
@ExtendWith(OutputCaptureExtension.class)
class PusherWebhookEndpointTests {

	private static final Instant TIME = Instant.ofEpochMilli(1700000000123L);

	@Test
	void publishesEveryEntryInOrderAndAnswers200() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "1", "d-0", TIME),
					new ChannelVacated("private-b", "d-1", TIME), new MemberRemoved("presence-a", "1", "d-2", TIME)));
			MockHttpServletResponse response = handle(context, webhook);
			assertThat(response.getStatus()).isEqualTo(200);
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.all).extracting(WebhookEvent::id).containsExactly("d-0", "d-1", "d-2");
			assertThat(listeners.members).extracting(WebhookEvent::id).containsExactly("d-0");
		}
	}

	@Test
	void answers500WhenAListenerThrowsAndStillPublishesTheOtherEntries(CapturedOutput output) throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "throw", "d-0", TIME),
					new MemberAdded("presence-a", "2", "d-1", TIME)));
			MockHttpServletResponse response = handle(context, webhook);
			assertThat(response.getStatus()).isEqualTo(500);
			assertThat(response.getContentAsString()).isEqualTo("1 of 2 webhook events failed; retry")
				.doesNotContain("listener broke");
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id).containsExactly("d-0", "d-1");
			assertThat(output).contains("A listener failed on Pusher webhook event member_added d-0")
				.contains("listener broke");
		}
	}

	@Test
	void refusesARequestTheFilterDidNotVerify() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pusher/webhooks");
			MockHttpServletResponse response = new MockHttpServletResponse();
			new PusherWebhookEndpoint(context).handleRequest(request, response);
			assertThat(response.getStatus()).isEqualTo(401);
			assertThat(context.getBean(Listeners.class).all).isEmpty();
		}
	}

	private static MockHttpServletResponse handle(AnnotationConfigApplicationContext context, PusherWebhook webhook)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pusher/webhooks");
		request.setAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE, webhook);
		MockHttpServletResponse response = new MockHttpServletResponse();
		new PusherWebhookEndpoint(context).handleRequest(request, response);
		return response;
	}

	static class Listeners {

		final List<WebhookEvent> all = new ArrayList<>();

		final List<MemberAdded> members = new ArrayList<>();

		@EventListener
		@Order(1)
		void on(WebhookEvent event) {
			this.all.add(event);
		}

		@EventListener
		@Order(2)
		void on(MemberAdded event) {
			if (event.userId().equals("throw")) {
				throw new IllegalStateException("listener broke");
			}
			this.members.add(event);
		}

	}

}
