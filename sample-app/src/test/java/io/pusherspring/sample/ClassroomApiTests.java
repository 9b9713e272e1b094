package io.pusherspring.sample;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.PusherRequests;
import io.pusherspring.test.PusherSignatures;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.pusherspring.sample.ApiRequests.postJson;
import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page's API and channels without a browser: who may subscribe to what, live sessions
 * and their assessment, private notes, the webhook-driven roster and the client settings.
 */
@SpringBootTest(properties = "pusher.encryption-master-key=" + ClassroomApiTests.MASTER_KEY)
@AutoConfigureMockMvc
@RecordPusherEvents
class ClassroomApiTests {

	static final String MASTER_KEY = "nZ8p7Gz0x1mB3d6vQ4kLr2sT9wYc5aHfUe0iJ7oPq1M=";

	private static final RequestPostProcessor ADA = user("ada").roles("TEACHER");

	private static final RequestPostProcessor GRACE = user("grace").roles("STUDENT");

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private SessionRoster roster;

	private final PusherSignatures signatures = PusherSignatures.forTestCredentials();

	@Test
	void studentsMayListenToTheirOwnChannelsOnly() throws Exception {
		channelAuth(GRACE, "private-user-grace").andExpect(this.signatures.validChannelAuthorization());
		channelAuth(GRACE, "private-agent-tutor-grace").andExpect(this.signatures.validChannelAuthorization());
		for (String channel : new String[] { "private-user-alan", "private-agent-tutor-alan", "private-teachers",
				"private-anything" }) {
			channelAuth(GRACE, channel).andExpect(status().isForbidden());
		}
	}

	@Test
	void teachersWatchEveryAgentAndTheRoster() throws Exception {
		for (String channel : new String[] { "private-agent-tutor-grace", "private-agent-tutor-alan",
				"private-teachers" }) {
			channelAuth(ADA, channel).andExpect(this.signatures.validChannelAuthorization());
		}
		channelAuth(ADA, "private-user-grace").andExpect(status().isForbidden());
	}

	@Test
	void sessionMembersShowTheirNameInitialsAndRole() throws Exception {
		channelAuth(GRACE, "presence-session-1").andExpect(this.signatures.validChannelAuthorization())
			.andExpect(jsonPath("$.channel_data", startsWith("{\"user_id\":\"grace\",\"user_info\":{")))
			.andExpect(jsonPath("$.channel_data", containsString("\"name\":\"Grace Hopper\"")))
			.andExpect(jsonPath("$.channel_data", containsString("\"initials\":\"GH\"")))
			.andExpect(jsonPath("$.channel_data", containsString("\"role\":\"student\"")));
		channelAuth(GRACE, "presence-session-2").andExpect(status().isForbidden());
	}

	@Test
	void sessionStartsForOthersAndEndsWithTheAssessment() throws Exception {
		this.mvc.perform(post("/api/sessions/1/start").with(ADA).with(csrf()).header("X-Socket-ID", "123.456"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sessionId").value(1))
			.andExpect(jsonPath("$.status").value("LIVE"));
		assertThat(this.pusher).hasTriggered("presence-session-1", "session.started").excludingSocket("123.456");
		this.mvc.perform(get("/api/sessions/1").with(GRACE)).andExpect(jsonPath("$.status").value("LIVE"));
		this.mvc.perform(post("/api/sessions/1/start").with(ADA).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Session 1 is already live"));
		checkIn("grace", true);
		checkIn("alan", false);
		checkIn("alan", true);
		this.mvc.perform(post("/api/sessions/1/end").with(ADA).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.percentUnderstood").value(100));
		assertThat(this.pusher).hasTriggeredInOrder("presence-session-1", "session.started", "session.ended",
				"assessment.completed");
		assertThat(this.pusher).hasTriggered("presence-session-1", "assessment.completed")
			.withData("{\"sessionId\":1,\"responses\":2,\"understood\":2,\"percentUnderstood\":100}");
		this.mvc.perform(get("/api/sessions/1").with(GRACE)).andExpect(jsonPath("$.status").value("ENDED"));
		this.mvc.perform(post("/api/sessions/1/end").with(ADA).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Session 1 is not live"));
	}

	@Test
	void studentsCannotStartSessionsNorCheckInToOneThatIsNotLiveAndTeachersDoNotCheckIn() throws Exception {
		this.mvc.perform(post("/api/sessions/1/start").with(GRACE).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(postJson("/api/sessions/1/check-ins", "{\"understood\":true}").with(GRACE).with(csrf()))
			.andExpect(status().isConflict());
		this.mvc.perform(postJson("/api/sessions/1/check-ins", "{\"understood\":true}").with(ADA).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.pusher).hasNoEvents();
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@MethodSource("requestsForSessionsThatCannotExist")
	void sessionIdThatIsInvalidOrUnknownIsRefusedAndNothingIsPublished(HttpMethod method, String path,
			int expectedStatus) throws Exception {
		boolean checkIn = path.endsWith("/check-ins");
		MockHttpServletRequestBuilder request = request(method, path)
			.with(checkIn || method == HttpMethod.GET ? GRACE : ADA)
			.with(csrf());
		if (checkIn) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"understood\":true}");
		}
		this.mvc.perform(request)
			.andExpect(status().is(expectedStatus))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(expectedStatus));
		assertThat(this.pusher).hasNoEvents();
	}

	static Stream<Arguments> requestsForSessionsThatCannotExist() {
		// not a positive number: 400; no such session: 404
		return Stream.of("-5", "0", "five", "7").flatMap((id) -> {
			int status = id.equals("7") ? 404 : 400;
			return Stream.of(arguments(HttpMethod.GET, "/api/sessions/" + id, status),
					arguments(HttpMethod.POST, "/api/sessions/" + id + "/start", status),
					arguments(HttpMethod.POST, "/api/sessions/" + id + "/end", status),
					arguments(HttpMethod.POST, "/api/sessions/" + id + "/check-ins", status));
		});
	}

	@Test
	void nobodyJoinsTheChannelOfASessionThatDoesNotExist() throws Exception {
		for (String channel : new String[] { "presence-session--5", "presence-session-0", "presence-session-7" }) {
			channelAuth(GRACE, channel).andExpect(status().isForbidden());
			channelAuth(ADA, channel).andExpect(status().isForbidden());
		}
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void noteIsEncryptedForTheStudentWithANotificationThatLeavesItsTextOut() throws Exception {
		this.mvc.perform(postJson("/api/users/grace/notes", "{\"text\":\"Well done\"}").with(ADA).with(csrf()))
			.andExpect(status().isCreated());
		assertThat(this.pusher).hasTriggered("private-encrypted-user-grace", "note.sent")
			.withDataSatisfying((data) -> assertThat(data).containsOnlyKeys("nonce", "ciphertext"));
		assertThat(this.pusher).hasTriggered("private-user-grace", "user.notification")
			.withData("{\"title\":\"Private note\",\"text\":\"Ada Lovelace sent you a private note\"}");
	}

	@Test
	void notesGoToStudentsOnlyAndComeFromTeachersOnly() throws Exception {
		this.mvc.perform(postJson("/api/users/ada/notes", "{\"text\":\"Hi\"}").with(ADA).with(csrf()))
			.andExpect(status().isNotFound());
		this.mvc.perform(postJson("/api/users/alan/notes", "{\"text\":\"Hi\"}").with(GRACE).with(csrf()))
			.andExpect(status().isForbidden());
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void teachersSignInToPusherWatchingTheStudentsAndStudentsWatchingNoOne() throws Exception {
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(ADA).with(csrf()))
			.andExpect(this.signatures.validUserAuthentication())
			.andExpect(jsonPath("$.user_data").value(
					"{\"id\":\"ada\",\"user_info\":{\"name\":\"Ada Lovelace\"},\"watchlist\":[\"grace\",\"alan\"]}"));
		this.mvc.perform(PusherRequests.userAuth("1234.5678").with(GRACE).with(csrf()))
			.andExpect(this.signatures.validUserAuthentication())
			.andExpect(jsonPath("$.user_data").value("{\"id\":\"grace\",\"user_info\":{\"name\":\"Grace Hopper\"}}"));
	}

	@Test
	void onlyTeachersDisconnectAndOnlyStudents() throws Exception {
		this.mvc.perform(post("/api/users/grace/disconnect").with(ADA).with(csrf())).andExpect(status().isNoContent());
		this.mvc.perform(post("/api/users/alan/disconnect").with(GRACE).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(post("/api/users/ada/disconnect").with(ADA).with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("No student ada"));
		this.mvc.perform(post("/api/users/grace/disconnect").with(ADA)).andExpect(status().isForbidden());
	}

	@Test
	void rosterFollowsVerifiedWebhooksAndIsBroadcastToTeachers() throws Exception {
		this.mvc
			.perform(PusherRequests.webhook()
				.memberAdded("presence-session-1", "grace")
				.memberAdded("presence-session-1", "alan")
				.memberAdded("presence-session-1", "ada")
				.memberAdded("presence-class-1", "ada"))
			.andExpect(status().isOk());
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-session-1", "ada").withWrongSignature())
			.andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/roster").with(ADA))
			.andExpect(jsonPath("$.sessions.1[0]").value("Alan Turing"))
			.andExpect(jsonPath("$.sessions.1[1]").value("Grace Hopper"))
			.andExpect(jsonPath("$.sessions.1.length()").value(2));
		this.mvc.perform(PusherRequests.webhook().memberRemoved("presence-session-1", "alan"))
			.andExpect(status().isOk());
		assertThat(this.roster.snapshot()).containsEntry("1", List.of("Grace Hopper"));
		assertThat(this.pusher).hasTriggered("private-teachers", "roster.updated")
			.withData("{\"sessions\":{\"1\":[\"Grace Hopper\"]}}");
		this.mvc.perform(PusherRequests.webhook().memberRemoved("presence-session-1", "grace"))
			.andExpect(status().isOk());
		this.mvc.perform(get("/api/roster").with(GRACE)).andExpect(status().isForbidden());
	}

	@Test
	void aRetriedDeliveryChangesTheRosterOnce() throws Exception {
		Instant joined = Instant.now().minusSeconds(30);
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-session-9", "alan").at(joined))
			.andExpect(status().isOk());
		assertThat(this.roster.snapshot()).containsEntry("9", List.of("Alan Turing"));
		this.mvc
			.perform(PusherRequests.webhook().memberRemoved("presence-session-9", "alan").at(joined.plusSeconds(10)))
			.andExpect(status().isOk());
		assertThat(this.roster.snapshot()).doesNotContainKey("9");
		// Pusher retries the first delivery, whose answer it did not get: the same entry
		this.mvc.perform(PusherRequests.webhook().memberAdded("presence-session-9", "alan").at(joined))
			.andExpect(status().isOk());
		assertThat(this.roster.snapshot()).doesNotContainKey("9");
	}

	@Test
	void pageLearnsWhoIsSignedInAndHowToConnect() throws Exception {
		this.mvc.perform(get("/api/client-config").with(GRACE))
			.andExpect(jsonPath("$.user.name").value("Grace Hopper"))
			.andExpect(jsonPath("$.user.initials").value("GH"))
			.andExpect(jsonPath("$.pusher.key").exists())
			.andExpect(jsonPath("$.pusher.secret").doesNotExist())
			.andExpect(jsonPath("$.socketIdHeader").value("X-Socket-ID"))
			.andExpect(jsonPath("$.students.length()").value(2))
			.andExpect(jsonPath("$.classId").value(1))
			.andExpect(jsonPath("$.sessionId").value(1));
	}

	// a signed-in page asks /pusher/auth for a channel, with its CSRF token
	private ResultActions channelAuth(RequestPostProcessor user, String channel) throws Exception {
		return this.mvc.perform(PusherRequests.channelAuth("1.2", channel).with(user).with(csrf()));
	}

	private void checkIn(String student, boolean understood) throws Exception {
		this.mvc
			.perform(postJson("/api/sessions/1/check-ins", "{\"understood\":" + understood + "}")
				.with(user(student).roles("STUDENT"))
				.with(csrf()))
			.andExpect(status().isNoContent());
	}

}
