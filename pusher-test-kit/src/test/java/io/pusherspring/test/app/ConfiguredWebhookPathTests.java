package io.pusherspring.test.app;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code PusherRequests.webhook()} posts to the application's configured webhook path, in
 * a {@code @WebMvcTest} slice (which has the webhook filter and endpoint, and with
 * {@link RecordPusherEvents @RecordPusherEvents} Pusher's connection details).
 */
@WebMvcTest(properties = "pusher.webhook.path=/hooks/pusher")
@RecordPusherEvents
class ConfiguredWebhookPathTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void postsToTheConfiguredPath() throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42"))
			.andExpect(status().isOk())
			.andExpect((result) -> assertThat(result.getRequest().getRequestURI()).isEqualTo("/hooks/pusher"));
		assertThat(this.pusher).hasTriggered("presence-class-7", "roster.changed").withData("{\"joined\":\"42\"}");
	}

	@Test
	void postsToAChosenUriInstead() throws Exception {
		this.mvc.perform(PusherRequests.webhook().uri("/pusher/webhooks").memberAdded("presence-class-7", "42"))
			.andExpect((result) -> assertThat(result.getResponse().getStatus()).isNotEqualTo(200))
			.andExpect((result) -> assertThat(result.getRequest().getRequestURI()).isEqualTo("/pusher/webhooks"));
		assertThat(this.pusher).hasNoEvents();
	}

}
