package io.pusherspring.integration.webhook;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherWebhookRequestBuilder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.webhook.CacheMiss;
import io.pusherspring.webhook.ChannelOccupied;
import io.pusherspring.webhook.ChannelVacated;
import io.pusherspring.webhook.ClientEvent;
import io.pusherspring.webhook.MemberAdded;
import io.pusherspring.webhook.MemberRemoved;
import io.pusherspring.webhook.SubscriptionCount;
import io.pusherspring.webhook.UnknownWebhookEvent;
import io.pusherspring.webhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks posted over real HTTP to the built-in endpoint of a running application.
 */
@SpringBootTest(classes = WebhookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "pusher.webhook.additional-keys.previous-key=previous-secret")
@RecordPusherEvents
@ExtendWith(QuietOutputCaptureExtension.class)
class WebhookOverHttpTests {

	private static final int MEGABYTE = 1024 * 1024;

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedWebhookEvents listener;

	@Autowired
	private BodyCountingFilter bodies;

	private WebhookHttp http;

	@BeforeEach
	void setUp() {
		this.http = new WebhookHttp(this.port);
		this.listener.clear();
	}

	@Test
	void deliversEveryKindOfEventToListenersInOrder() throws Exception {
		Instant time = Instant.now().minusSeconds(2);
		HttpResponse<String> response = this.http.send(PusherRequests.webhook()
			.at(time)
			.channelOccupied("private-a")
			.channelVacated("private-b")
			.memberAdded("presence-c", "42")
			.memberRemoved("presence-c", "43")
			.clientEvent("private-d", "client-typing", Map.of("typing", true), "1234.5678")
			.clientEvent("presence-c", "client-moved", "{\"x\":1}", "1234.5679", "42")
			.cacheMiss("cache-e")
			.subscriptionCount("private-f", 12)
			.rawEvent(Map.of("name", "future_event", "channel", "private-g")));
		assertThat(response.statusCode()).isEqualTo(200);
		List<WebhookEvent> events = this.listener.events();
		assertThat(events).hasSize(9).allSatisfy((event) -> {
			assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(time.toEpochMilli()));
			assertThat(event.id()).matches("[0-9a-f]{24}-\\d");
		});
		assertThat(events).extracting(WebhookEvent::id).doesNotHaveDuplicates();
		String delivery = events.get(0).id().substring(0, 24);
		assertThat(events).map(WebhookEvent::id).allMatch((id) -> id.startsWith(delivery));
		assertThat(events.get(0)).isEqualTo(new ChannelOccupied("private-a", delivery + "-0", events.get(0).time()));
		assertThat(events.get(1)).isInstanceOfSatisfying(ChannelVacated.class,
				(event) -> assertThat(event.channel()).isEqualTo("private-b"));
		assertThat(events.get(2)).isInstanceOfSatisfying(MemberAdded.class,
				(event) -> assertThat(event.userId()).isEqualTo("42"));
		assertThat(events.get(3)).isInstanceOfSatisfying(MemberRemoved.class,
				(event) -> assertThat(event.userId()).isEqualTo("43"));
		assertThat(events.get(4)).isInstanceOfSatisfying(ClientEvent.class, (event) -> {
			assertThat(event.event()).isEqualTo("client-typing");
			assertThat(event.data(Map.class)).isEqualTo(Map.of("typing", true));
			assertThat(event.socketId()).isEqualTo("1234.5678");
			assertThat(event.userId()).isNull();
		});
		assertThat(events.get(5)).isInstanceOfSatisfying(ClientEvent.class, (event) -> {
			assertThat(event.data()).isEqualTo("{\"x\":1}");
			assertThat(event.userId()).isEqualTo("42");
		});
		assertThat(events.get(6)).isInstanceOf(CacheMiss.class);
		assertThat(events.get(7)).isInstanceOfSatisfying(SubscriptionCount.class,
				(event) -> assertThat(event.subscriptionCount()).isEqualTo(12));
		assertThat(events.get(8)).isInstanceOfSatisfying(UnknownWebhookEvent.class, (event) -> {
			assertThat(event.name()).isEqualTo("future_event");
			assertThat(event.channel()).isEqualTo("private-g");
		});
	}

	@Test
	void refusesOtherMethods() throws Exception {
		byte[] body = body(PusherRequests.webhook().channelOccupied("private-a"));
		for (String method : new String[] { "GET", "PUT", "DELETE", "PATCH" }) {
			HttpResponse<String> response = this.http.send(method, "/pusher/webhooks", Map.of(), body);
			assertThat(response.statusCode()).as(method).isEqualTo(405);
			assertThat(response.headers().firstValue("Allow")).hasValue("POST");
		}
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void refusesAnUnknownKey(CapturedOutput output) throws Exception {
		assertRefused(PusherRequests.webhook().channelOccupied("private-a").withKey("another-app"), 401, "unknown key");
		assertRefused(PusherRequests.webhook().channelOccupied("private-a").signedWith("another-app", "its-secret"),
				401, "unknown key");
		assertThat(output).contains("Rejected a Pusher webhook from 127.0.0.1: unknown key");
	}

	@Test
	void refusesAWrongSignatureWithoutShowingTheRightOne(CapturedOutput output) throws Exception {
		PusherWebhookRequestBuilder forged = PusherRequests.webhook()
			.memberAdded("presence-c", "42")
			.withWrongSignature();
		HttpResponse<String> response = assertRefused(forged, 401, "invalid signature");
		String right = PusherRequests.webhook()
			.memberAdded("presence-c", "42")
			.buildRequest(new MockServletContext())
			.getHeader("X-Pusher-Signature");
		String sent = forged.buildRequest(new MockServletContext()).getHeader("X-Pusher-Signature");
		assertThat(response.body()).doesNotContain(right).doesNotContain(sent);
		assertThat(output).doesNotContain(sent).doesNotContain("presence-c").doesNotContain("test-secret");
	}

	@Test
	void refusesAMissingSignature() throws Exception {
		byte[] body = body(PusherRequests.webhook().channelOccupied("private-a"));
		HttpResponse<String> response = this.http.send("POST", "/pusher/webhooks",
				Map.of("X-Pusher-Key", "test-key", "Content-Type", "application/json"), body);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void refusesASignedBodyThatIsNotAWebhook() throws Exception {
		assertRefused(PusherRequests.webhook().rawEvent(Map.of("name", "member_added", "channel", "presence-c")), 400,
				"malformed body");
	}

	@Test
	void refusesAReplayedOldWebhookAndAcceptsAFreshOne() throws Exception {
		assertRefused(
				PusherRequests.webhook().at(Instant.now().minus(Duration.ofMinutes(6))).memberAdded("presence-c", "42"),
				401, "expired");
		assertRefused(
				PusherRequests.webhook().at(Instant.now().plus(Duration.ofMinutes(2))).memberAdded("presence-c", "42"),
				401, "time is ahead of the server's clock");
		HttpResponse<String> fresh = this.http.send(PusherRequests.webhook()
			.at(Instant.now().minus(Duration.ofMinutes(4)))
			.memberAdded("presence-c", "42"));
		assertThat(fresh.statusCode()).isEqualTo(200);
		assertThat(this.listener.events()).singleElement().isInstanceOf(MemberAdded.class);
	}

	@Test
	void acceptsTheAppsKeyAndTheAdditionalKeyDuringARotation() throws Exception {
		assertRefused(PusherRequests.webhook().signedWith("previous-key", "test-secret").channelOccupied("private-x"),
				401, "invalid signature");
		assertRefused(PusherRequests.webhook().signedWith("test-key", "previous-secret").channelOccupied("private-x"),
				401, "invalid signature");
		assertThat(this.http.send(PusherRequests.webhook().channelOccupied("private-new")).statusCode()).isEqualTo(200);
		assertThat(this.http
			.send(PusherRequests.webhook().signedWith("previous-key", "previous-secret").channelOccupied("private-old"))
			.statusCode()).isEqualTo(200);
		assertThat(this.listener.events()).extracting(WebhookEvent::channel)
			.containsExactly("private-new", "private-old");
	}

	@Test
	void answers500WhenAListenerThrowsSoThatPusherRetriesTheFailedEntryWithTheSameId() throws Exception {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook()
			.channelOccupied(RecordedWebhookEvents.FAILING_CHANNEL)
			.channelOccupied("private-fine");
		HttpResponse<String> first = this.http.send(webhook);
		assertThat(first.statusCode()).isEqualTo(500);
		assertThat(first.body()).isEqualTo("1 of 2 webhook events failed; retry").doesNotContain("the listener failed");
		HttpResponse<String> retry = this.http.send(webhook);
		assertThat(retry.statusCode()).isEqualTo(500);
		List<WebhookEvent> events = this.listener.events();
		assertThat(events).as("the entry handled before is skipped").hasSize(3);
		assertThat(events.get(2)).isEqualTo(events.get(0));
	}

	@Test
	void refusesATenMegabyteBodyWithALengthWithoutReadingIt() throws Exception {
		String status = this.http.postLargeBody("/pusher/webhooks", 10L * MEGABYTE, true);
		assertThat(status).startsWith("HTTP/1.1 413");
		assertThat(this.bodies.lastBytesRead()).isZero();
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void refusesATenMegabyteChunkedBodyAfterReadingOneByteOverTheLimit() throws Exception {
		String status = this.http.postLargeBody("/pusher/webhooks", 10L * MEGABYTE, false);
		assertThat(status).startsWith("HTTP/1.1 413");
		assertThat(this.bodies.lastBytesRead()).isEqualTo(MEGABYTE + 1);
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void acceptsALargeBodyWithinTheLimit() throws Exception {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook();
		for (int i = 0; i < 400; i++) {
			webhook.clientEvent("presence-class-7", "client-answer", "{\"answer\":\"" + "x".repeat(2000) + "\"}",
					"1234." + i, String.valueOf(i));
		}
		int size = body(webhook).length;
		assertThat(size).isBetween(MEGABYTE / 2, MEGABYTE);
		assertThat(this.http.send(webhook).statusCode()).isEqualTo(200);
		assertThat(this.bodies.lastBytesRead()).isEqualTo(size);
		assertThat(this.listener.events()).hasSize(400)
			.allSatisfy((event) -> assertThat(event).isInstanceOf(ClientEvent.class));
	}

	@Test
	void leavesOtherPathsToTheApplication() throws Exception {
		HttpResponse<String> response = this.http.send("POST", "/pusher/webhooks/other", Map.of(), new byte[0]);
		assertThat(response.statusCode()).isNotEqualTo(200);
		assertThat(response.body()).doesNotContain("Pusher webhook rejected");
	}

	private HttpResponse<String> assertRefused(PusherWebhookRequestBuilder webhook, int status, String reason)
			throws Exception {
		HttpResponse<String> response = this.http.send(webhook);
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).isEqualTo("Pusher webhook rejected: " + reason);
		assertThat(this.listener.events()).isEmpty();
		return response;
	}

	private static byte[] body(PusherWebhookRequestBuilder webhook) {
		return webhook.buildRequest(new MockServletContext()).getContentAsByteArray();
	}

}
