package io.pusherspring.integration.instances.webhook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.integration.instances.Instance;
import io.pusherspring.integration.servers.PostgresServer;
import io.pusherspring.test.PusherRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of one application behind one webhook URL, remembering handled webhook
 * entries in PostgreSQL ({@code pusher.webhook.deduplication.store=jdbc}): the same
 * signed webhook delivered to both, one after the other or at the same time, is handled
 * once; one whose listener failed on an instance is handled by the retry on the other.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class WebhookDeduplicationAcrossInstancesTests {

	private static final String KEY = "attendance-key";

	private static final String SECRET = "attendance-secret";

	@RegisterExtension
	static PostgresServer postgres = new PostgresServer();

	private static Instance a;

	private static Instance b;

	@BeforeAll
	static void startTwoInstances() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", postgres.createDatabase("attendance"));
		properties.put("spring.datasource.username", postgres.getUsername());
		properties.put("spring.datasource.password", postgres.getPassword());
		properties.put("pusher.app-id", "1");
		properties.put("pusher.key", KEY);
		properties.put("pusher.secret", SECRET);
		Map<String, Object> failingForFlaky = new LinkedHashMap<>(properties);
		failingForFlaky.put("attendance.fail-for", "flaky");
		a = Instance.start("a", failingForFlaky, AttendanceApplication.class);
		b = Instance.start("b", properties, AttendanceApplication.class);
	}

	@AfterAll
	static void stopThem() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	void aWebhookDeliveredAgainToTheOtherInstanceIsHandledOnce() throws Exception {
		Webhook webhook = Webhook.memberAdded("presence-class-1", "ada");
		assertThat(webhook.deliverTo(a).statusCode()).isEqualTo(200);
		assertThat(webhook.deliverTo(b).statusCode()).isEqualTo(200);
		assertThat(webhook.deliverTo(a).statusCode()).isEqualTo(200);
		assertThat(handlings("ada")).containsExactly("a");
	}

	@Test
	void aWebhookWhoseListenerFailedOnOneInstanceIsHandledByItsRetryOnTheOther() throws Exception {
		Webhook webhook = Webhook.memberAdded("presence-class-1", "flaky");
		HttpResponse<String> failed = webhook.deliverTo(a);
		assertThat(failed.statusCode()).isEqualTo(500);
		assertThat(handlings("flaky")).isEmpty();
		assertThat(webhook.deliverTo(b).statusCode()).isEqualTo(200);
		assertThat(webhook.deliverTo(a).statusCode()).isEqualTo(200);
		assertThat(handlings("flaky")).containsExactly("b");
	}

	@Test
	void aWebhookDeliveredToBothInstancesAtOnceIsHandledOnce() throws Exception {
		Webhook webhook = Webhook.memberAdded("presence-class-2", "gated");
		Attendance.Gate gate = a.bean(Attendance.class).gate;
		CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> webhook.deliverQuietly(a));
		assertThat(gate.awaitEntered()).as("instance a is handling the webhook").isTrue();

		HttpResponse<String> second = webhook.deliverTo(b);
		assertThat(second.statusCode()).isEqualTo(503);
		assertThat(second.body()).isEqualTo("1 of 1 webhook events are being handled by another delivery; retry");

		gate.open();
		assertThat(first.join().statusCode()).isEqualTo(200);
		assertThat(webhook.deliverTo(b).statusCode()).as("Pusher's retry").isEqualTo(200);
		assertThat(handlings("gated")).containsExactly("a");
	}

	@Test
	void webhooksEachDeliveredToBothInstancesAtTheSameMomentAreEachHandledOnce() throws Exception {
		List<String> users = IntStream.rangeClosed(1, 10).mapToObj((n) -> "racer-" + n).toList();
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		for (String user : users) {
			Webhook webhook = Webhook.memberAdded("presence-class-3", user);
			CountDownLatch go = new CountDownLatch(1);
			List<CompletableFuture<Void>> deliveries = List.of(a, b)
				.stream()
				.map((instance) -> CompletableFuture.runAsync(() -> {
					await(go);
					statuses.addAll(webhook.deliverUntilAccepted(instance));
				}))
				.toList();
			go.countDown();
			deliveries.forEach(CompletableFuture::join);
		}
		assertThat(statuses).isSubsetOf(200, 503);
		for (String user : users) {
			assertThat(handlings(user)).as(user).hasSize(1);
		}
	}

	/**
	 * Which instances handled the webhooks about a user, once per handling.
	 */
	private static List<String> handlings(String user) {
		return a.bean(JdbcClient.class)
			.sql("SELECT instance FROM attendance WHERE user_id = ? ORDER BY id")
			.param(user)
			.query(String.class)
			.list();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * One webhook as Pusher signs it, to deliver as often as needed.
	 */
	record Webhook(Map<String, String> headers, byte[] body) {

		static Webhook memberAdded(String channel, String userId) {
			MockHttpServletRequest request = PusherRequests.webhook()
				.memberAdded(channel, userId)
				.signedWith(KEY, SECRET)
				.buildRequest(new MockServletContext());
			Map<String, String> headers = new LinkedHashMap<>();
			for (String name : List.of("Content-Type", "X-Pusher-Key", "X-Pusher-Signature")) {
				headers.put(name, request.getHeader(name));
			}
			return new Webhook(headers, request.getContentAsByteArray());
		}

		HttpResponse<String> deliverTo(Instance instance) throws Exception {
			return instance.post("/pusher/webhooks", this.headers, this.body);
		}

		HttpResponse<String> deliverQuietly(Instance instance) {
			try {
				return deliverTo(instance);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		/**
		 * Deliver, and deliver again while the answer is 503, as Pusher retries.
		 * @return the statuses answered
		 */
		List<Integer> deliverUntilAccepted(Instance instance) {
			List<Integer> statuses = new ArrayList<>();
			for (int attempt = 0; attempt < 100; attempt++) {
				int status = deliverQuietly(instance).statusCode();
				statuses.add(status);
				if (status != 503) {
					return statuses;
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return statuses;
				}
			}
			return statuses;
		}

	}

}
