package io.pusherspring.test.app;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link RecordPusherEvents @RecordPusherEvents} in a {@code @WebMvcTest} slice, which
 * does not include Pusher's auto-configuration by itself.
 *
 * @author pusher-spring-boot
 */
@WebMvcTest
@RecordPusherEvents
class PusherWebMvcSliceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void recordsWhatAWebhookListenerTriggers(PusherRecorder pusher) throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42")).andExpect(status().isOk());
		assertThat(pusher).hasTriggered("presence-class-7", "roster.changed").withData("{\"joined\":\"42\"}");
	}

}
