package io.pusherspring.sample;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.pusherspring.sample.ApiRequests.postJson;
import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Posting announcements over HTTP broadcasts them, recorded by the test kit; invalid
 * requests are answered with 400 as {@code ProblemDetail} and broadcast nothing; only
 * teachers may announce.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordPusherEvents
class AnnouncementTests {

	// scripts sign in with HTTP Basic, as the guide's curl commands do
	private static final RequestPostProcessor TEACHER = httpBasic("ada", "teacher");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void postedAnnouncementIsBroadcastToTheClass() throws Exception {
		postAnnouncement(7, "{\"text\":\"Quiz at ten\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.classId").value(7));
		assertThat(this.pusher).hasTriggered("class-7", "announcement.posted")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("classId", 7)
				.containsEntry("text", "Quiz at ten")
				.containsKey("postedAt"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"text\":null}", "{\"text\":\"\"}", "{\"text\":\"   \"}" })
	void announcementWithoutTextIsABadRequestAndNotSent(String body) throws Exception {
		expectProblem(postAnnouncement(7, body)).andExpect(jsonPath("$.errors.text").value("must not be blank"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void announcementOverTheLengthLimitIsABadRequestAndNotSent() throws Exception {
		expectProblem(postAnnouncement(7, "{\"text\":\"" + "x".repeat(1001) + "\"}"))
			.andExpect(jsonPath("$.errors.text").value("size must be between 0 and 1000"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void longestAnnouncementFitsInPushersPayloadLimitEvenWhenEveryCharacterIsEscaped() throws Exception {
		postAnnouncement(7, "{\"text\":\"" + "\\u0001".repeat(1000) + "\"}").andExpect(status().isCreated());
		assertThat(this.pusher).hasTriggered("class-7", "announcement.posted");
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1 })
	void classIdThatIsNotPositiveIsABadRequestAndNotSent(long classId) throws Exception {
		expectProblem(postAnnouncement(classId, "{\"text\":\"Quiz at ten\"}"))
			.andExpect(jsonPath("$.errors.classId").value("must be greater than 0"))
			.andExpect(jsonPath("$.detail").value("classId: must be greater than 0"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void everyInvalidFieldIsNamed() throws Exception {
		expectProblem(postAnnouncement(-1, "{}")).andExpect(jsonPath("$.errors.classId").exists())
			.andExpect(jsonPath("$.errors.text").exists());
	}

	@Test
	void classIdThatIsNotANumberIsABadRequest() throws Exception {
		expectProblem(this.mvc
			.perform(postJson("/api/classes/seven/announcements", "{\"text\":\"Quiz at ten\"}").with(TEACHER)));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		expectProblem(postAnnouncement(7, "{\"text\":"))
			.andExpect(jsonPath("$.detail").value("Failed to read request"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void teachersAnnouncementToEveryoneGoesToThePublicChannel() throws Exception {
		this.mvc.perform(postJson("/api/announcements", "{\"text\":\"School closes at noon\"}").with(TEACHER))
			.andExpect(status().isCreated());
		assertThat(this.pusher).hasTriggered("public-announcements", "announcement.posted")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("author", "Ada Lovelace")
				.containsEntry("text", "School closes at noon")
				.containsKey("postedAt"));
	}

	@Test
	void studentsCannotAnnounce() throws Exception {
		for (String path : new String[] { "/api/announcements", "/api/classes/7/announcements" }) {
			this.mvc.perform(postJson(path, "{\"text\":\"No homework\"}").with(httpBasic("grace", "student")))
				.andExpect(status().isForbidden());
		}
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void callersWhoAreNotSignedInAreRefusedWith401NotTheCsrfCheck() throws Exception {
		this.mvc.perform(postJson("/api/classes/7/announcements", "{\"text\":\"No homework\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(postJson("/api/classes/7/announcements", "{\"text\":\"No homework\"}")
				.with(httpBasic("ada", "wrong")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("Wrong user name or password"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void browsersSignedInWithASessionMustSendTheCsrfToken() throws Exception {
		MockHttpSession session = signedInSession("ada", "ROLE_TEACHER");
		this.mvc.perform(postJson("/api/classes/7/announcements", "{\"text\":\"Quiz at ten\"}").session(session))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("X-XSRF-TOKEN")));
		assertThat(this.pusher).hasNoEvents();
		this.mvc
			.perform(postJson("/api/classes/7/announcements", "{\"text\":\"Quiz at ten\"}").session(session)
				.with(csrf()))
			.andExpect(status().isCreated());
		assertThat(this.pusher).hasTriggered("class-7", "announcement.posted");
	}

	// a browser's session after it signed in on the sign-in page
	private static MockHttpSession signedInSession(String user, String role) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
						AuthorityUtils.createAuthorityList(role))));
		return session;
	}

	private ResultActions postAnnouncement(long classId, String body) throws Exception {
		return this.mvc.perform(postJson("/api/classes/" + classId + "/announcements", body).with(TEACHER));
	}

	private static ResultActions expectProblem(ResultActions result) throws Exception {
		return result.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
	}

	@Nested
	@TestPropertySource(properties = "pusher.limits.max-payload-size=1KB")
	@ExtendWith(QuietOutputCaptureExtension.class)
	class WithASmallerPayloadLimit {

		@Test
		void announcementTooLargeForPusherIsABadRequestAndNotSent(CapturedOutput output) throws Exception {
			expectProblem(postAnnouncement(7, "{\"text\":\"" + "é".repeat(1000) + "\"}"))
				.andExpect(jsonPath("$.title").value("Cannot be broadcast"))
				.andExpect(jsonPath("$.detail").value(containsString("over the limit")));
			assertThat(AnnouncementTests.this.pusher).hasNoEvents();
			assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
				.singleElement(as(InstanceOfAssertFactories.STRING))
				.contains("Failed to publish 'announcement.posted' to class-7")
				.contains("over the limit");
			assertThat(output).doesNotContain("\tat ");
		}

	}

}
