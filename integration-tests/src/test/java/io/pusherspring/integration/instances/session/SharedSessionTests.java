package io.pusherspring.integration.instances.session;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.integration.instances.Instance;
import io.pusherspring.integration.servers.PostgresServer;
import io.pusherspring.test.PusherSignatures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user signs in on one instance, and pusher-js's calls to the auth endpoint reach
 * others: with the sessions in PostgreSQL (Spring Session JDBC), every instance knows the
 * user and the CSRF token the session holds.
 */
class SharedSessionTests {

	private static final Pattern LOGIN_CSRF = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"");

	@RegisterExtension
	static PostgresServer postgres = new PostgresServer();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void aUserSignedInOnOneInstanceIsAuthorizedByTheOther() throws Exception {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", postgres.createDatabase("sessions"));
		properties.put("spring.datasource.username", postgres.getUsername());
		properties.put("spring.datasource.password", postgres.getPassword());
		properties.put("pusher.app-id", "1");
		properties.put("pusher.key", "sign-in-key");
		properties.put("pusher.secret", "sign-in-secret");
		Map<String, Object> creatingTheTable = new LinkedHashMap<>(properties);
		creatingTheTable.put("spring.sql.init.mode", "always");
		creatingTheTable.put("spring.sql.init.schema-locations",
				"classpath:org/springframework/session/jdbc/schema-postgresql.sql");
		try (Instance a = Instance.start("a", creatingTheTable, SignInApplication.class);
				Instance b = Instance.start("b", properties, SignInApplication.class)) {
			String session = signIn(a);

			HttpResponse<String> tokenFromB = send(b, HttpRequest.newBuilder(b.uri("/csrf")).GET(), session);
			assertThat(tokenFromB.statusCode()).as("b knows the session").isEqualTo(200);
			JsonNode csrf = JsonMapper.shared().readTree(tokenFromB.body());

			PusherSignatures signatures = PusherSignatures.of("sign-in-key", "sign-in-secret");
			for (Instance instance : new Instance[] { b, a }) {
				HttpResponse<String> auth = send(instance,
						HttpRequest.newBuilder(instance.uri("/pusher/auth"))
							.header("Content-Type", "application/x-www-form-urlencoded")
							.header(csrf.get("header").asString(), csrf.get("token").asString())
							.POST(HttpRequest.BodyPublishers.ofString("socket_id=1.2&channel_name=private-user-ada")),
						session);
				assertThat(auth.statusCode()).as(instance.name()).isEqualTo(200);
				signatures.verifyChannelAuthorization("1.2", "private-user-ada", auth.body());
			}

			HttpResponse<String> withoutToken = send(b,
					HttpRequest.newBuilder(b.uri("/pusher/auth"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString("socket_id=1.2&channel_name=private-user-ada")),
					session);
			assertThat(withoutToken.statusCode()).as("CSRF protection still on").isEqualTo(403);
		}
	}

	/**
	 * Sign in with the login form, as a browser does.
	 * @return the session cookie
	 */
	private String signIn(Instance instance) throws Exception {
		HttpResponse<String> page = this.client.send(HttpRequest.newBuilder(instance.uri("/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher token = LOGIN_CSRF.matcher(page.body());
		assertThat(token.find()).as("the login page's CSRF token").isTrue();
		String form = "username=ada&password=" + SignInApplication.PASSWORD + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(instance,
				HttpRequest.newBuilder(instance.uri("/login"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form)),
				sessionCookie(page));
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(URI.create(location).getQuery()).as("no login error").isNull());
		return sessionCookie(login);
	}

	private HttpResponse<String> send(Instance instance, HttpRequest.Builder request, String session) throws Exception {
		return this.client.send(request.header("Cookie", session).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("SESSION="))
			.map((cookie) -> cookie.substring(0, cookie.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
	}

}
