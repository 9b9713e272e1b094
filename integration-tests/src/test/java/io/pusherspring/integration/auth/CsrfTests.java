package io.pusherspring.integration.auth;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.pusherspring.test.PusherSignatures;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints behind Spring Security's CSRF protection, left on: a browser with a
 * session must send the {@code XSRF-TOKEN} cookie's value as {@code X-XSRF-TOKEN}; a
 * bearer-token caller needs no CSRF token.
 */
@SpringBootTest(classes = ClassroomApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "pusher.app-id=3", "pusher.key=app-key", "pusher.secret=app-secret" })
class CsrfTests {

	private static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("s-2:secret".getBytes(StandardCharsets.UTF_8));

	private final CookieManager cookies = new CookieManager();

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(this.cookies).build();

	private final PusherSignatures signatures = PusherSignatures.of("app-key", "app-secret");

	@LocalServerPort
	private int port;

	@Test
	void browserWithoutCsrfTokenIsRefused() throws Exception {
		HttpResponse<String> response = post(BASIC, null);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).doesNotContain("\"auth\"");
	}

	@Test
	void browserSendingTheCookiesTokenAsHeaderIsAuthorized() throws Exception {
		HttpResponse<String> first = post(BASIC, null);
		assertThat(first.statusCode()).isEqualTo(403);
		HttpCookie token = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.findFirst()
			.orElseThrow();
		HttpResponse<String> response = post(BASIC, token.getValue());
		assertThat(response.statusCode()).isEqualTo(200);
		this.signatures.verifyChannelAuthorization("1.2", "private-user-s-2", response.body());
	}

	@Test
	void browserWithAWrongTokenIsRefused() throws Exception {
		post(BASIC, null);
		assertThat(post(BASIC, "not-the-token").statusCode()).isEqualTo(403);
	}

	@Test
	void bearerTokenCallerNeedsNoCsrfToken() throws Exception {
		HttpResponse<String> response = post("Bearer " + TestJwts.token("s-2", "STUDENT"), null);
		assertThat(response.statusCode()).isEqualTo(200);
		this.signatures.verifyChannelAuthorization("1.2", "private-user-s-2", response.body());
	}

	private HttpResponse<String> post(String authorization, String csrfToken) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/pusher/auth"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", authorization)
			.POST(HttpRequest.BodyPublishers.ofString("socket_id=1.2&channel_name=private-user-s-2"));
		if (csrfToken != null) {
			request.header("X-XSRF-TOKEN", csrfToken);
		}
		return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
