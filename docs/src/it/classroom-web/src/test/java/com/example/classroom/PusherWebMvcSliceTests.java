package com.example.classroom;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@Import({ ClassroomSecurity.class, ClassroomChannels.class, RosterWebhooks.class })
@RecordPusherEvents
class PusherWebMvcSliceTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void recordsWhatAWebhookListenerTriggers(PusherRecorder pusher) throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42")).andExpect(status().isOk());
		assertThat(pusher).hasTriggered("presence-class-7", "roster.changed").withData("{\"joined\":\"42\"}");
	}

	@Test
	void authorizesWithTheImportedAuthorizers() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(user("42")).with(csrf()))
			.andExpect(PusherSignatures.forTestCredentials().validChannelAuthorization());
	}

}
