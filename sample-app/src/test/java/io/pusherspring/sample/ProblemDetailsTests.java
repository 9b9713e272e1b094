package io.pusherspring.sample;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every error of the API answers {@code application/problem+json} over real HTTP, whether
 * Spring Security refuses the request (401, 403) or Spring MVC does (400, 404, 405, 409,
 * 415), and publishes nothing. A request without credentials gets 401, not the CSRF
 * check's 403.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@RecordPusherEvents
class ProblemDetailsTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String ANNOUNCEMENT = "{\"text\":\"Quiz at ten\"}";

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private PusherRecorder pusher;

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedRequests")
	void errorIsAProblemDetail(String what, int expectedStatus, HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = send(request);
		assertThat(response.statusCode()).as(what).isEqualTo(expectedStatus);
		assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue(PROBLEM_JSON);
		Map<String, Object> problem = problem(response);
		assertThat(problem).as(what)
			.containsEntry("status", expectedStatus)
			.containsKeys("title", "detail")
			.containsEntry("instance", request.build().uri().getPath());
		assertThat(this.pusher).hasNoEvents();
	}

	static Stream<Arguments> refusedRequests() {
		return Stream.of(arguments("401 without credentials", 401, post("/api/classes/1/announcements", ANNOUNCEMENT)),
				arguments("401 without credentials, a GET", 401, get("/api/roster")),
				arguments("401 without credentials at the starter's auth endpoint", 401,
						HttpRequest.newBuilder(path("/pusher/auth"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.POST(BodyPublishers.ofString("socket_id=1.2&channel_name=private-user-grace"))),
				arguments("401 with a wrong password", 401,
						basic(post("/api/classes/1/announcements", ANNOUNCEMENT), "ada", "wrong")),
				arguments("403 for a student", 403,
						basic(post("/api/classes/1/announcements", ANNOUNCEMENT), "grace", "student")),
				arguments("404 for a path that is not there", 404, basic(get("/api/nothing-here"), "ada",
						"teacher")),
				arguments("404 for a session that does not exist", 404,
						basic(post("/api/sessions/7/start", ""), "ada", "teacher")),
				arguments("405 for a method the path does not take", 405,
						basic(get("/api/classes/1/announcements"), "ada", "teacher")),
				arguments("415 for a body that is not JSON", 415,
						basic(HttpRequest.newBuilder(path("/api/classes/1/announcements"))
							.header("Content-Type", "text/plain")
							.POST(BodyPublishers.ofString("Quiz at ten")), "ada", "teacher")),
				arguments("400 for an invalid session id", 400,
						basic(post("/api/sessions/-5/start", ""), "ada", "teacher")),
				arguments("409 for a session that is not live", 409,
						basic(post("/api/sessions/1/end", ""), "ada", "teacher")));
	}

	@Test
	void unauthorizedChallengesScriptsToUseHttpBasicButNotThePagesOwnCalls() throws Exception {
		HttpResponse<String> script = send(post("/api/classes/1/announcements", ANNOUNCEMENT));
		assertThat(script.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"classroom\"");
		HttpResponse<String> page = send(
				post("/api/classes/1/announcements", ANNOUNCEMENT).header("X-Requested-With", "XMLHttpRequest"));
		assertThat(page.statusCode()).isEqualTo(401);
		assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(problem(page)).containsEntry("detail",
				"Sign in first: with HTTP Basic from a script, on the sign-in page in a browser");
	}

	@Test
	void guidesInvalidAnnouncementAnswersAsTheGuideShows() throws Exception {
		GuideCommands.Answer answer = GuideCommands.run("invalid", this.port);
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.headers()).containsEntry("content-type", PROBLEM_JSON);
		assertThat(this.json.readValue(answer.body(), Map.class)).isEqualTo(this.json.readValue(
				"{\"detail\":\"classId: must be greater than 0; text: must not be blank\",\"instance\":\"/api/classes/-1/announcements\",\"status\":400,\"title\":\"Invalid request\",\"errors\":{\"classId\":\"must be greater than 0\",\"text\":\"must not be blank\"}}",
				Map.class));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void browserSignedInOnTheSignInPageNeedsTheCsrfTokenAndIsRefusedAsAProblemDetailWithoutIt() throws Exception {
		HttpResponse<String> signInPage = send(get("/login"));
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage.body());
		assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(path("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=ada&password=teacher&_csrf=" + csrf.group(1))));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));

		HttpResponse<String> withoutToken = send(post("/api/classes/1/announcements", ANNOUNCEMENT));
		assertThat(withoutToken.statusCode()).isEqualTo(403);
		assertThat(withoutToken.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
		assertThat(problem(withoutToken)).containsEntry("detail",
				"A signed-in page must send its CSRF token: the XSRF-TOKEN cookie's value as X-XSRF-TOKEN");
		assertThat(this.pusher).hasNoEvents();

		HttpResponse<String> withToken = send(
				post("/api/classes/1/announcements", ANNOUNCEMENT).header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
		assertThat(withToken.statusCode()).isEqualTo(201);
		assertThat(this.pusher).hasTriggered("class-1", "announcement.posted");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http
			.send(request.uri(URI.create("http://localhost:" + this.port).resolve(request.build().uri().getRawPath()))
				.build(), BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> problem(HttpResponse<String> response) {
		return this.json.readValue(response.body(), Map.class);
	}

	private String cookie(String name) {
		return ((CookieManager) this.http.cookieHandler().orElseThrow()).getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	// requests are built with a path only; send(...) puts the application's address in
	// front of it
	private static URI path(String path) {
		return URI.create("http://application" + path);
	}

	private static HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(path(path)).GET();
	}

	private static HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(path(path))
			.header("Content-Type", "application/json")
			.POST(json.isEmpty() ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
	}

	private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
		return request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

}
