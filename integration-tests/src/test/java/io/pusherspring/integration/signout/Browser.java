package io.pusherspring.integration.signout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser does with {@link SignOutApplication}: signs in with the login form,
 * keeps the session cookie, and logs out with the CSRF token.
 */
final class Browser {

	private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String cookieName;

	private String session = "";

	Browser(int port, String cookieName) {
		this.port = port;
		this.cookieName = cookieName;
	}

	/**
	 * Sign in with the login form.
	 */
	Browser signIn(String user) throws Exception {
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login")).GET());
		Matcher token = LOGIN_CSRF.matcher(page.body());
		assertThat(token.find()).as("the login page's CSRF token").isTrue();
		String form = "username=" + user + "&password=" + SignOutApplication.PASSWORD + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(URI.create(location).getQuery()).as("no login error").isNull());
		return this;
	}

	/**
	 * The headers a pusher-js page sends to the auth endpoints: the session cookie and
	 * the CSRF token.
	 */
	Map<String, String> authHeaders() throws Exception {
		JsonNode csrf = csrf();
		return Map.of("Cookie", this.session, csrf.get("header").asString(), csrf.get("token").asString());
	}

	/**
	 * Log out as the default logout page does.
	 * @return the response
	 */
	HttpResponse<String> logOut() throws Exception {
		JsonNode csrf = csrf();
		return send(HttpRequest.newBuilder(uri("/logout"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + URLEncoder.encode(csrf.get("token").asString(), StandardCharsets.UTF_8))));
	}

	/**
	 * Post a form with the session and CSRF token, as a page's script does.
	 * @return the response
	 */
	HttpResponse<String> post(String path, String form) throws Exception {
		JsonNode csrf = csrf();
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(csrf.get("header").asString(), csrf.get("token").asString())
			.POST(HttpRequest.BodyPublishers.ofString(form)));
	}

	/**
	 * The id of the session, from its cookie.
	 */
	String sessionId() {
		return this.session.substring(this.session.indexOf('=') + 1);
	}

	private JsonNode csrf() throws Exception {
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/csrf")).GET());
		assertThat(response.statusCode()).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		if (!this.session.isEmpty()) {
			request.header("Cookie", this.session);
		}
		HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(this.cookieName + "="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.ifPresent((cookie) -> this.session = cookie);
		return response;
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
