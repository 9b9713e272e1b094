package com.example.classroom;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
@RecordPusherEvents
class PusherEndpointTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	private final PusherSignatures signatures = PusherSignatures.forTestCredentials();

	@Test
	void tellsTheClassWhenAMemberJoins() throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42")).andExpect(status().isOk());
		assertThat(this.pusher).hasTriggered("presence-class-7", "roster.changed").withData("{\"joined\": \"42\"}");
	}

	@Test
	void rejectsForgedWebhooks() throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42").withWrongSignature())
			.andExpect(status().isUnauthorized());
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42").withKey("another-app"))
			.andExpect(status().isUnauthorized());
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void authorizesTheUsersPrivateChannel() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(user("42")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(this.signatures.validChannelAuthorization());
	}

	@Test
	void deniesOtherUsersChannels() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-43").with(user("42")).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void letsEveryoneJoinAClass() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "presence-class-7").with(user("42")).with(csrf()))
			.andExpect(this.signatures.validChannelAuthorization())
			.andExpect(jsonPath("$.channel_data").value("{\"user_id\":\"42\",\"user_info\":{\"name\":\"42\"}}"));
	}

	@Test
	void signsTheUserIn() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(user("42")).with(csrf()))
			.andExpect(this.signatures.validUserAuthentication());
	}

	@Test
	void sendsStrangersToTheLoginPage() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(csrf()))
			.andExpect(redirectedUrl("/login"));
	}

}
