package io.pusherspring.test;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;

import com.pusher.rest.Pusher;
import com.pusher.rest.SignatureUtil;
import com.pusher.rest.data.Validity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.autoconfigure.PusherConnectionDetails;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for {@link PusherRequests}; signatures are checked with pusher-http-java, an
 * independent implementation.
 */
class PusherRequestsTests {

	private static final JsonMapper json = JsonMapper.shared();

	private final Pusher pusher = new Pusher("test-app-id", "test-key", "test-secret");

	@AfterEach
	void closePusher() throws Exception {
		this.pusher.close();
	}

	@Test
	void webhookIsASignedJsonPostToTheDefaultPath() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.webhook().channelOccupied("private-user-42"));
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getRequestURI()).isEqualTo("/pusher/webhooks");
		assertThat(request.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		assertThat(request.getHeader("X-Pusher-Key")).isEqualTo("test-key");
		String body = request.getContentAsString();
		assertThat(request.getHeader("X-Pusher-Signature")).isEqualTo(SignatureUtil.sign(body, "test-secret"))
			.matches("[0-9a-f]{64}");
		assertThat(validity(request)).isEqualTo(Validity.VALID);
	}

	@Test
	void webhookCarriesEveryKindOfEventWithPushersFields() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.webhook()
			.at(Instant.ofEpochMilli(1700000000123L))
			.channelOccupied("private-a")
			.channelVacated("private-b")
			.memberAdded("presence-c", "42")
			.memberRemoved("presence-c", "43")
			.clientEvent("private-d", "client-typing", Map.of("typing", true), "1234.5678")
			.clientEvent("presence-c", "client-moved", "{\"x\":1}", "1234.5679", "42")
			.cacheMiss("cache-e")
			.subscriptionCount("private-f", 12)
			.rawEvent(Map.of("name", "future_event", "channel", "private-g")));
		JsonNode expected = json.readTree("""
				{"time_ms": 1700000000123, "events": [
				  {"name": "channel_occupied", "channel": "private-a"},
				  {"name": "channel_vacated", "channel": "private-b"},
				  {"name": "member_added", "channel": "presence-c", "user_id": "42"},
				  {"name": "member_removed", "channel": "presence-c", "user_id": "43"},
				  {"name": "client_event", "channel": "private-d", "event": "client-typing",
				   "data": "{\\"typing\\":true}", "socket_id": "1234.5678"},
				  {"name": "client_event", "channel": "presence-c", "event": "client-moved",
				   "data": "{\\"x\\":1}", "socket_id": "1234.5679", "user_id": "42"},
				  {"name": "cache_miss", "channel": "cache-e"},
				  {"name": "subscription_count", "channel": "private-f", "subscription_count": 12},
				  {"name": "future_event", "channel": "private-g"}
				]}""");
		assertThat(json.readTree(request.getContentAsString())).isEqualTo(expected);
		assertThat(validity(request)).isEqualTo(Validity.VALID);
	}

	@Test
	void webhookIsSentNowByDefault() throws Exception {
		long before = System.currentTimeMillis();
		MockHttpServletRequest request = build(PusherRequests.webhook().cacheMiss("cache-a"));
		long timeMs = json.readTree(request.getContentAsString()).get("time_ms").longValue();
		assertThat(timeMs).isBetween(before - 1000, System.currentTimeMillis());
	}

	@Test
	void webhookWithWrongSignatureIsWellFormedButInvalid() throws Exception {
		MockHttpServletRequest request = build(
				PusherRequests.webhook().memberAdded("presence-c", "42").withWrongSignature());
		assertThat(request.getHeader("X-Pusher-Signature")).matches("[0-9a-f]{64}");
		assertThat(validity(request)).isEqualTo(Validity.INVALID);
	}

	@Test
	void webhookWithAnotherKeyKeepsTheSignature() throws Exception {
		MockHttpServletRequest request = build(
				PusherRequests.webhook().memberAdded("presence-c", "42").withKey("other"));
		assertThat(request.getHeader("X-Pusher-Key")).isEqualTo("other");
		assertThat(request.getHeader("X-Pusher-Signature"))
			.isEqualTo(SignatureUtil.sign(request.getContentAsString(), "test-secret"));
		assertThat(validity(request)).isEqualTo(Validity.SIGNED_WITH_WRONG_KEY);
	}

	@Test
	void webhookSignedWithAnAppsCredentials() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.webhook()
			.signedWith("278d425bdf160c739803", "7ad3773142a6692b25b8")
			.cacheMiss("cache-a"));
		try (Pusher app = new Pusher("3", "278d425bdf160c739803", "7ad3773142a6692b25b8")) {
			assertThat(app.validateWebhookSignature(request.getHeader("X-Pusher-Key"),
					request.getHeader("X-Pusher-Signature"), request.getContentAsString()))
				.isEqualTo(Validity.VALID);
		}
	}

	@Test
	void webhookSignedWithConnectionDetails() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.webhook()
			.signedWith(ConnectionDetailsFixture.of("app-key", "app-secret"))
			.channelVacated("private-a"));
		assertThat(request.getHeader("X-Pusher-Key")).isEqualTo("app-key");
		assertThat(request.getHeader("X-Pusher-Signature"))
			.isEqualTo(SignatureUtil.sign(request.getContentAsString(), "app-secret"));
	}

	@Test
	void webhookSignedWithTheCredentialsOfAnApplicationContext() throws Exception {
		try (StaticApplicationContext context = new StaticApplicationContext()) {
			context.registerBean(PusherConnectionDetails.class,
					() -> ConnectionDetailsFixture.of("app-key", "app-secret"));
			MockHttpServletRequest request = build(
					PusherRequests.webhook().signedWith(context).channelOccupied("private-a"));
			assertThat(request.getHeader("X-Pusher-Key")).isEqualTo("app-key");
			assertThat(request.getHeader("X-Pusher-Signature"))
				.isEqualTo(SignatureUtil.sign(request.getContentAsString(), "app-secret"));
		}
	}

	@Test
	void webhookKeepsTheSignatureOverTheBodyWhenCustomized() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.webhook()
			.uri("/hooks/pusher")
			.header("X-Request-Id", "abc")
			.channelOccupied("private-a"));
		assertThat(request.getRequestURI()).isEqualTo("/hooks/pusher");
		assertThat(request.getHeader("X-Request-Id")).isEqualTo("abc");
		assertThat(Collections.list(request.getHeaders("X-Pusher-Signature"))).hasSize(1);
		assertThat(validity(request)).isEqualTo(Validity.VALID);
	}

	@Test
	void webhookIsAcceptedByAControllerThatVerifiesIt() throws Exception {
		MockMvc mockMvc = MockMvcBuilders.standaloneSetup(new WebhookController(this.pusher)).build();
		mockMvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42")).andExpect(status().isOk());
		mockMvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42").withWrongSignature())
			.andExpect(status().isUnauthorized());
	}

	@Test
	void webhookDescriptionShowsNoSignature() {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook().cacheMiss("cache-a");
		assertThat(webhook).hasToString("Pusher webhook with 1 event(s)");
	}

	@Test
	void channelAuthIsAFormPost() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.channelAuth("1234.5678", "private-user-42"));
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getRequestURI()).isEqualTo("/pusher/auth");
		assertThat(request.getContentType()).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		assertThat(request.getContentAsString()).isEqualTo("socket_id=1234.5678&channel_name=private-user-42");
		assertThat(request.getParameter("socket_id")).isEqualTo("1234.5678");
		assertThat(request.getParameter("channel_name")).isEqualTo("private-user-42");
	}

	@Test
	void userAuthIsAFormPost() throws Exception {
		MockHttpServletRequest request = build(PusherRequests.userAuth("1234.5678"));
		assertThat(request.getRequestURI()).isEqualTo("/pusher/user-auth");
		assertThat(request.getContentAsString()).isEqualTo("socket_id=1234.5678");
	}

	@Test
	void authPathsCanBeChanged() {
		assertThat(build(PusherRequests.channelAuth("1.2", "private-a").uri("/api/pusher/auth")).getRequestURI())
			.isEqualTo("/api/pusher/auth");
		assertThat(build(PusherRequests.userAuth("1.2").uri("/api/pusher/signin")).getRequestURI())
			.isEqualTo("/api/pusher/signin");
	}

	private Validity validity(MockHttpServletRequest request) throws Exception {
		return this.pusher.validateWebhookSignature(request.getHeader("X-Pusher-Key"),
				request.getHeader("X-Pusher-Signature"), request.getContentAsString());
	}

	private static MockHttpServletRequest build(RequestBuilder builder) {
		return builder.buildRequest(new MockServletContext());
	}

	@RestController
	static class WebhookController {

		private final Pusher pusher;

		WebhookController(Pusher pusher) {
			this.pusher = pusher;
		}

		@PostMapping("/pusher/webhooks")
		ResponseEntity<Void> receive(@RequestHeader("X-Pusher-Key") String key,
				@RequestHeader("X-Pusher-Signature") String signature, @RequestBody String body) {
			Validity validity = this.pusher.validateWebhookSignature(key, signature, body);
			return ResponseEntity.status((validity == Validity.VALID) ? HttpStatus.OK : HttpStatus.UNAUTHORIZED)
				.build();
		}

	}

}
