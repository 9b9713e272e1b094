package io.pusherspring.test.app;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "pusher.app-id=1", "pusher.key=app-key", "pusher.secret=app-secret" })
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
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-42"))
			.andExpect(PusherSignatures.of(this.context).validChannelAuthorization());
	}

}
