package io.pusherspring.integration.webhook.docs;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherWebhookRequestBuilder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(classes = ClassroomApplication.class, properties = "PUSHER_PREVIOUS_SECRET=previous-secret")
@TestPropertySource("webhooks.properties")
@AutoConfigureMockMvc
@RecordPusherEvents
class ClassroomPresenceTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private ClassRoster roster;

	@BeforeEach
	void clear() {
		this.roster.clear();
	}

	@Test
	void studentsJoinAndLeaveTheClass() throws Exception {
		this.mvc.perform(
				PusherRequests.webhook().memberAdded("presence-class-7", "42").memberAdded("presence-class-7", "43"))
			.andExpect(status().isOk());
		this.mvc.perform(PusherRequests.webhook().memberRemoved("presence-class-7", "43")).andExpect(status().isOk());
		assertThat(this.roster.present("7")).containsExactly("42");
	}

	@Test
	void aRetriedDeliveryIsHandledOnce() throws Exception {
		PusherWebhookRequestBuilder webhook = PusherRequests.webhook()
			.clientEvent("presence-class-7", "client-raise-hand", "{\"question\":\"Why is the sky blue?\"}", "1.2",
					"42");
		this.mvc.perform(webhook).andExpect(status().isOk());
		this.mvc.perform(webhook).andExpect(status().isOk());
		assertThat(this.roster.activity()).containsExactly("42 asked in class 7: Why is the sky blue?");
	}

	@Test
	void acceptsThePreviousKeyDuringARotation() throws Exception {
		this.mvc
			.perform(PusherRequests.webhook()
				.signedWith("previous-key", "previous-secret")
				.memberAdded("presence-class-7", "42"))
			.andExpect(status().isOk());
		assertThat(this.roster.present("7")).containsExactly("42");
	}

	@Test
	void ignoresForgedWebhooks() throws Exception {
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-class-7", "42").withWrongSignature())
			.andExpect(status().isUnauthorized());
		assertThat(this.roster.present("7")).isEmpty();
	}

}
