package io.pusherspring.integration.auth;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest
@RecordPusherEvents
class ClassroomChannelsWebMvcTests {

	@Autowired
	private MockMvc mvc;

	private final PusherSignatures signatures = PusherSignatures.forTestCredentials();

	@Test
	void membersMayListenToTheirClass() throws Exception {
		this.mvc
			.perform(PusherRequests.channelAuth("1234.5678", "private-class-" + Classroom.MATHS)
				.with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(status().isOk())
			.andExpect(this.signatures.validChannelAuthorization());
	}

	@Test
	void othersMayNot() throws Exception {
		this.mvc
			.perform(PusherRequests.channelAuth("1234.5678", "private-class-" + Classroom.MATHS)
				.with(jwt().jwt((token) -> token.subject("s-3"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void teachersMayJoinTheStaffRoom() throws Exception {
		this.mvc
			.perform(PusherRequests.channelAuth("1234.5678", "private-staff-room-1")
				.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_TEACHER"))))
			.andExpect(this.signatures.validChannelAuthorization());
	}

	@Test
	void sessionUsersSendTheCsrfToken() throws Exception {
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-s-2").with(user("s-2")))
			.andExpect(status().isForbidden());
		this.mvc.perform(PusherRequests.channelAuth("1234.5678", "private-user-s-2").with(user("s-2")).with(csrf()))
			.andExpect(this.signatures.validChannelAuthorization());
	}

	@Test
	void usersSignInAsTheTokensSubject() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(this.signatures.validUserAuthentication());
	}

}
