package io.pusherspring.integration.auth;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import io.pusherspring.test.PusherSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The classroom's channels against its users, over HTTP with bearer tokens as the front
 * end sends them: every cell of the matrix is the status the endpoint answers, and every
 * granted answer is verified as Pusher would verify it.
 */
@SpringBootTest(classes = ClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.app-id=3", "pusher.key=278d425bdf160c739803", "pusher.secret=7ad3773142a6692b25b8" })
class ChannelAuthorizationMatrixTests {

	private static final String MATHS = "private-class-" + Classroom.MATHS;

	private static final String ART = "private-class-" + Classroom.ART;

	private static final String SESSION = "presence-session-" + Classroom.MATHS_SESSION;

	private static final PusherSignatures signatures = PusherSignatures.of("278d425bdf160c739803",
			"7ad3773142a6692b25b8");

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	static Stream<Arguments> matrix() {
		return Stream.of(
				// channel, teacher t-1, student s-2, student s-3
				arguments("private-user-s-2", 403, 200, 403), arguments("private-user-t-1", 200, 403, 403),
				arguments(MATHS, 200, 200, 403), arguments(ART, 200, 403, 200),
				arguments("private-class-00000000-0000-0000-0000-000000000000", 403, 403, 403),
				arguments("private-class-maths", 403, 403, 403), arguments(SESSION, 200, 200, 403),
				arguments("private-staff-room-1", 200, 403, 403), arguments("private-agent-7", 403, 403, 403),
				arguments("private-agent-" + Classroom.MATHS, 403, 403, 403));
	}

	@ParameterizedTest(name = "{0}: teacher {1}, s-2 {2}, s-3 {3}")
	@MethodSource("matrix")
	void authorizesEachUserForExactlyTheirChannels(String channel, int teacher, int secondStudent, int thirdStudent)
			throws Exception {
		assertThat(statusFor(TestJwts.token("t-1", "TEACHER"), channel)).isEqualTo(teacher);
		assertThat(statusFor(TestJwts.token("s-2", "STUDENT"), channel)).isEqualTo(secondStudent);
		assertThat(statusFor(TestJwts.token("s-3", "STUDENT"), channel)).isEqualTo(thirdStudent);
	}

	@Test
	void presenceMembersCarryNameAvatarAndRole() throws Exception {
		HttpResponse<String> response = channelAuth(TestJwts.token("s-2", "STUDENT"), "1234.5678", SESSION);
		JsonNode member = JsonMapper.shared()
			.readTree(JsonMapper.shared().readTree(response.body()).get("channel_data").stringValue());
		assertThat(member.get("user_id").stringValue()).isEqualTo("s-2");
		JsonNode info = member.get("user_info");
		assertThat(info.get("name").stringValue()).isEqualTo("Sam Okafor");
		assertThat(info.get("avatar").stringValue()).isEqualTo("/avatars/s-2.png");
		assertThat(info.get("role").stringValue()).isEqualTo("student");
	}

	@Test
	void signsAsPushersDocumentedVector() throws Exception {
		HttpResponse<String> response = channelAuth(TestJwts.token("t-1", "TEACHER"), "1234.1234", "private-user-t-1");
		assertThat(response.statusCode()).isEqualTo(200);
		signatures.verifyChannelAuthorization("1234.1234", "private-user-t-1", response.body());
	}

	@Test
	void rejectsCallersWithoutAValidToken() throws Exception {
		HttpResponse<String> anonymous = channelAuth(null, "1.2", "private-user-s-2");
		assertThat(anonymous.statusCode()).as("refused by CSRF protection").isEqualTo(403);
		assertThat(anonymous.body()).doesNotContain("\"auth\"");
		String forged = TestJwts.token("s-2", "STUDENT");
		forged = forged.substring(0, forged.length() - 4) + "AAAA";
		assertThat(channelAuth(forged, "1.2", "private-user-s-2").statusCode()).isEqualTo(401);
	}

	@Test
	void signsTheUserInAsTheTokensSubject() throws Exception {
		HttpResponse<String> response = send(TestJwts.token("s-3", "STUDENT"), "/pusher/user-auth",
				"socket_id=1234.5678");
		assertThat(response.statusCode()).isEqualTo(200);
		signatures.verifyUserAuthentication("1234.5678", response.body());
		assertThat(JsonMapper.shared().readTree(response.body()).get("user_data").stringValue())
			.isEqualTo("{\"id\":\"s-3\"}");
	}

	private int statusFor(String token, String channel) throws Exception {
		HttpResponse<String> response = channelAuth(token, "1234.5678", channel);
		if (response.statusCode() == 200) {
			signatures.verifyChannelAuthorization("1234.5678", channel, response.body());
		}
		else {
			assertThat(response.body()).doesNotContain("\"auth\"");
		}
		return response.statusCode();
	}

	private HttpResponse<String> channelAuth(String token, String socketId, String channel) throws Exception {
		return send(token, "/pusher/auth",
				"socket_id=" + socketId + "&channel_name=" + URLEncoder.encode(channel, StandardCharsets.UTF_8));
	}

	private HttpResponse<String> send(String token, String path, String form) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
