package com.example.classroom;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "pusher.app-id=1234567", "pusher.key=278d425bdf160c739803" })
@AutoConfigureMockMvc
@RecordPusherEvents
class ConfiguredCredentialsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void signsWebhooksWithTheApplicationsCredentials() throws Exception {
		this.mvc.perform(PusherRequests.webhook().signedWith(this.context).channelOccupied("private-user-42"))
			.andExpect(status().isOk());
		this.mvc.perform(PusherRequests.webhook().channelOccupied("private-user-42"))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void verifiesAuthWithTheApplicationsCredentials() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42").with(user("42")).with(csrf()))
			.andExpect(PusherSignatures.of(this.context).validChannelAuthorization());
	}

}
