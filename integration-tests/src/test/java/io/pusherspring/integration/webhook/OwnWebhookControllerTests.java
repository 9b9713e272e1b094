package io.pusherspring.integration.webhook;

import java.net.http.HttpResponse;
import java.util.Map;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherWebhookRequestBuilder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.webhook.MemberAdded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.pusherspring.integration.webhook.docs.WebhookSecurity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that maps its own controller on the webhook path keeps it; the filter
 * still guards it, and the built-in endpoint backs off.
 */
@SpringBootTest(classes = OwnWebhookControllerTests.OwnControllerApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordPusherEvents
class OwnWebhookControllerTests {

	@LocalServerPort
	private int port;

	@Autowired
	private OwnWebhookController controller;

	@Autowired
	private RecordedWebhookEvents listener;

	private WebhookHttp http;

	@BeforeEach
	void setUp() {
		this.http = new WebhookHttp(this.port);
		this.controller.webhooks.clear();
		this.controller.bodies.clear();
	}

	@Test
	void theControllerReceivesTheVerifiedWebhookAndItsBody() throws Exception {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook().memberAdded("presence-class-7", "42");
		HttpResponse<String> response = this.http.send(webhook);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("handled by the application");
		assertThat(this.controller.webhooks).singleElement()
			.satisfies((verified) -> assertThat(verified.events(MemberAdded.class)).singleElement()
				.satisfies((event) -> assertThat(event.userId()).isEqualTo("42")));
		assertThat(this.controller.bodies)
			.containsExactly(webhook.buildRequest(new MockServletContext()).getContentAsString());
		assertThat(this.listener.events()).as("published by the built-in endpoint").isEmpty();
	}

	@Test
	void theFilterStillGuardsTheController() throws Exception {
		assertThat(this.http.send(PusherRequests.webhook().memberAdded("presence-class-7", "42").withWrongSignature())
			.statusCode()).isEqualTo(401);
		assertThat(this.http.send(PusherRequests.webhook().memberAdded("presence-class-7", "42").withKey("other"))
			.statusCode()).isEqualTo(401);
		assertThat(this.http
			.send("POST", "/pusher/webhooks", Map.of("Content-Type", "application/json"),
					"{\"time_ms\":1,\"events\":[]}".getBytes())
			.statusCode()).isEqualTo(401);
		assertThat(this.http.send("GET", "/pusher/webhooks", Map.of(), new byte[0]).statusCode()).isEqualTo(405);
		assertThat(this.controller.webhooks).isEmpty();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@Import({ OwnWebhookController.class, RecordedWebhookEvents.class, WebhookSecurity.class })
	static class OwnControllerApplication {

	}

}
