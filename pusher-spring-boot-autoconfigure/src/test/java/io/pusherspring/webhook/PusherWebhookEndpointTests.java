package io.pusherspring.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.boot.test.system.CapturedOutput;
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
@ExtendWith(QuietOutputCaptureExtension.class)
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
				.contains("listener broke")
				.doesNotContain("\tat ");
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

	@Test
	void withAStoreARetriedDeliveryReachesTheListenersOnce() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			PusherWebhookEndpoint endpoint = deduplicating(context, new InMemoryWebhookDeduplicationStore());
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "1", "d-0", TIME),
					new ChannelVacated("private-b", "d-1", TIME)));
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			PusherWebhook another = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "1", "e-0", TIME)));
			assertThat(handle(endpoint, another).getStatus()).isEqualTo(200);
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id)
				.containsExactly("d-0", "d-1", "e-0");
		}
	}

	@Test
	void withAStoreAnEntryWhoseListenerThrewIsHandledAgainByTheRetryAndTheOthersAreNot() throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			PusherWebhookEndpoint endpoint = deduplicating(context, new InMemoryWebhookDeduplicationStore());
			PusherWebhook webhook = new PusherWebhook(TIME,
					List.of(new MemberAdded("presence-a", "1", "d-0", TIME),
							new MemberAdded("presence-a", "fails-once", "d-1", TIME),
							new ChannelVacated("private-b", "d-2", TIME)));
			MockHttpServletResponse first = handle(endpoint, webhook);
			assertThat(first.getStatus()).isEqualTo(500);
			assertThat(first.getContentAsString()).isEqualTo("1 of 3 webhook events failed; retry");
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			Listeners listeners = context.getBean(Listeners.class);
			assertThat(listeners.all).extracting(WebhookEvent::id).containsExactly("d-0", "d-1", "d-2", "d-1");
			assertThat(listeners.members).extracting(WebhookEvent::id).containsExactly("d-0", "d-1");
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			assertThat(listeners.all).hasSize(4);
		}
	}

	@Test
	void withAStoreAnEntryAnotherDeliveryIsHandlingIsLeftToItAndAnswered503(CapturedOutput output) throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			InMemoryWebhookDeduplicationStore store = new InMemoryWebhookDeduplicationStore();
			PusherWebhookEndpoint endpoint = deduplicating(context, store);
			store.claim("d-1", "another-delivery", Instant.now().plusSeconds(30), Instant.now().plusSeconds(600));
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "1", "d-0", TIME),
					new ChannelVacated("private-b", "d-1", TIME)));
			MockHttpServletResponse response = handle(endpoint, webhook);
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getContentAsString())
				.isEqualTo("1 of 2 webhook events are being handled by another delivery; retry");
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id).containsExactly("d-0");

			store.complete("d-1", "another-delivery");
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id).containsExactly("d-0");
		}
	}

	@Test
	void whenTheStoreFailsNothingMoreIsPublishedAndTheAnswerIs503(CapturedOutput output) throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			FailingStore store = new FailingStore(1);
			PusherWebhookEndpoint endpoint = deduplicating(context, store);
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new MemberAdded("presence-a", "1", "d-0", TIME),
					new ChannelVacated("private-b", "d-1", TIME), new ChannelVacated("private-c", "d-2", TIME)));
			MockHttpServletResponse response = handle(endpoint, webhook);
			assertThat(response.getStatus()).isEqualTo(503);
			assertThat(response.getContentAsString()).isEqualTo("Webhook de-duplication store unavailable; retry");
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id).containsExactly("d-0");
			assertThat(output).contains("Could not claim Pusher webhook event channel_vacated d-1")
				.contains("database down");

			store.down = false;
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			assertThat(context.getBean(Listeners.class).all).extracting(WebhookEvent::id)
				.containsExactly("d-0", "d-1", "d-2");
		}
	}

	@Test
	void anEntryHandledButNotMarkedIsAnswered200AndLogged(CapturedOutput output) throws Exception {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class)) {
			PusherWebhookEndpoint endpoint = deduplicating(context, new FailingStore(Integer.MAX_VALUE) {

				@Override
				public boolean complete(String id, String claimant) {
					throw new IllegalStateException("database down");
				}

			});
			PusherWebhook webhook = new PusherWebhook(TIME, List.of(new ChannelVacated("private-b", "d-0", TIME)));
			assertThat(handle(endpoint, webhook).getStatus()).isEqualTo(200);
			assertThat(output).contains("Handled Pusher webhook event channel_vacated d-0 but could not mark it");
		}
	}

	private static PusherWebhookEndpoint deduplicating(AnnotationConfigApplicationContext context,
			WebhookDeduplicationStore store) {
		PusherWebhookEndpoint endpoint = new PusherWebhookEndpoint(context);
		endpoint.setDeduplication(store, Duration.ofMinutes(5));
		return endpoint;
	}

	private static MockHttpServletResponse handle(AnnotationConfigApplicationContext context, PusherWebhook webhook)
			throws Exception {
		return handle(new PusherWebhookEndpoint(context), webhook);
	}

	private static MockHttpServletResponse handle(PusherWebhookEndpoint endpoint, PusherWebhook webhook)
			throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/pusher/webhooks");
		request.setAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE, webhook);
		MockHttpServletResponse response = new MockHttpServletResponse();
		endpoint.handleRequest(request, response);
		return response;
	}

	/**
	 * A store in memory that fails, as a database that is down would: once down, after a
	 * number of claims.
	 */
	static class FailingStore implements WebhookDeduplicationStore {

		private final WebhookDeduplicationStore memory = new InMemoryWebhookDeduplicationStore();

		private int claimsBeforeFailing;

		volatile boolean down = true;

		FailingStore(int claimsBeforeFailing) {
			this.claimsBeforeFailing = claimsBeforeFailing;
		}

		@Override
		public Claim claim(String id, String claimant, Instant leaseEnd, Instant expiresAt) {
			if (this.down && this.claimsBeforeFailing-- <= 0) {
				throw new IllegalStateException("database down");
			}
			return this.memory.claim(id, claimant, leaseEnd, expiresAt);
		}

		@Override
		public boolean complete(String id, String claimant) {
			return this.memory.complete(id, claimant);
		}

		@Override
		public void release(String id, String claimant) {
			this.memory.release(id, claimant);
		}

	}

	static class Listeners {

		final List<WebhookEvent> all = new ArrayList<>();

		final List<MemberAdded> members = new ArrayList<>();

		@EventListener
		@Order(1)
		void on(WebhookEvent event) {
			this.all.add(event);
		}

		private boolean failedOnce;

		@EventListener
		@Order(2)
		void on(MemberAdded event) {
			if (event.userId().equals("throw")) {
				throw new IllegalStateException("listener broke");
			}
			if (event.userId().equals("fails-once") && !this.failedOnce) {
				this.failedOnce = true;
				throw new IllegalStateException("listener broke once");
			}
			this.members.add(event);
		}

	}

}
