package io.pusherspring.integration.webhook;

import java.net.http.HttpResponse;
import java.util.Map;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherWebhookRequestBuilder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.webhook.ChannelOccupied;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code spring.mvc.servlet.path}, {@code pusher.webhook.path} is within the
 * dispatcher servlet, like every handler mapping: the filter guards the path where the
 * endpoint is.
 */
@SpringBootTest(classes = WebhookApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.mvc.servlet.path=/api")
@RecordPusherEvents
class WebhookUnderServletPathTests {

	@LocalServerPort
	private int port;

	@Autowired
	private RecordedWebhookEvents listener;

	private WebhookHttp http;

	@BeforeEach
	void setUp() {
		this.http = new WebhookHttp(this.port);
		this.listener.clear();
	}

	@Test
	void deliversASignedWebhookPostedUnderTheServletPath() throws Exception {
		HttpResponse<String> response = post(PusherRequests.webhook().channelOccupied("private-a"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.listener.events()).singleElement()
			.isInstanceOfSatisfying(ChannelOccupied.class,
					(event) -> assertThat(event.channel()).isEqualTo("private-a"));
	}

	@Test
	void refusesAForgedWebhookPostedUnderTheServletPath() throws Exception {
		HttpResponse<String> response = post(
				PusherRequests.webhook().withWrongSignature().channelOccupied("private-a"));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.listener.events()).isEmpty();
	}

	@Test
	void refusesAnUnsignedWebhookPostedUnderTheServletPath() throws Exception {
		HttpResponse<String> response = this.http.send("POST", "/api/pusher/webhooks",
				Map.of("Content-Type", "application/json"),
				"{\"time_ms\":1,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"private-a\"}]}".getBytes());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(this.listener.events()).isEmpty();
	}

	private HttpResponse<String> post(PusherWebhookRequestBuilder webhook) throws Exception {
		return this.http.send(webhook.uri("/api/pusher/webhooks"));
	}

}
