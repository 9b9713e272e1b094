package io.pusherspring.integration.auth;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every decision reaches the application as a {@code PusherAuthorizationEvent}.
 */
@SpringBootTest(classes = { ClassroomApplication.class, AuthorizationAudit.class },
		properties = "pusher.auth.rate-limit.capacity=2")
@AutoConfigureMockMvc
@RecordPusherEvents
class AuthorizationAuditTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private AuthorizationAudit audit;

	@Test
	void recordsGrantedDeniedAndRateLimitedDecisions() throws Exception {
		this.mvc
			.perform(PusherRequests.channelAuth("1.2", "private-class-" + Classroom.MATHS)
				.with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(status().isOk());
		this.mvc
			.perform(PusherRequests.channelAuth("1.2", "private-agent-7")
				.with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(PusherRequests.channelAuth("1.2", "private-user-s-2")
				.with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(status().isTooManyRequests());
		assertThat(this.audit.trail()).containsExactly(
				"GRANTED s-2 private-class-" + Classroom.MATHS + " by private-class-{classId}: granted by method "
						+ "io.pusherspring.integration.auth.ClassroomChannels.classChannel of bean "
						+ "'io.pusherspring.integration.auth.ClassroomChannels'",
				"DENIED s-2 private-agent-7 by null: no authorizer matches the channel",
				"RATE_LIMITED s-2 null by null: request budget used up");
	}

}
