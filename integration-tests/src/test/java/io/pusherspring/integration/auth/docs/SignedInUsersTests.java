package io.pusherspring.integration.auth.docs;

import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The user authentication guide's example: {@code /pusher/user-auth} signs a connection
 * in as the user {@link SignedInUsers} resolves, and refuses a caller it does not know.
 */
@WebMvcTest
@Import(SignedInUsers.class)
@RecordPusherEvents
class SignedInUsersTests {

	@Autowired
	private MockMvc mvc;

	// tag::test[]
	@Test
	void signsTheUserInWithNameRoleAndWatchlist() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(jwt().jwt((token) -> token.subject("s-2"))))
			.andExpect(status().isOk())
			.andExpect(PusherSignatures.forTestCredentials().validUserAuthentication())
			.andExpect((result) -> assertThat(userData(result)).isEqualTo(JsonMapper.shared()
				.readTree("{\"id\":\"s-2\",\"user_info\":{\"name\":\"Sam Okafor\",\"role\":\"student\"},"
						+ "\"watchlist\":[\"t-1\"]}")));
	}
	// end::test[]

	private static JsonNode userData(MvcResult result) throws Exception {
		JsonNode answer = JsonMapper.shared().readTree(result.getResponse().getContentAsString());
		return JsonMapper.shared().readTree(answer.get("user_data").stringValue());
	}

	@Test
	void refusesAUserTheClassroomDoesNotKnow() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(jwt().jwt((token) -> token.subject("x-9"))))
			.andExpect(status().isForbidden());
	}

}
