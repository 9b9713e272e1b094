package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the auth endpoints behind {@link PusherAuthRequestFilter}, over real HTTP to a
 * real Tomcat, with Spring Security's authentication and CSRF protection: the container's
 * own parameter and multipart parsing run here, as they do in production.
 */
@SpringBootTest(classes = AuthOverHttpApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class PusherAuthRequestFilterTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String[] PATHS = { "/pusher/auth", "/pusher/user-auth" };

	private static final JsonMapper json = JsonMapper.shared();

	@LocalServerPort
	private int port;

	private AuthHttp http;

	@BeforeEach
	void http() {
		this.http = new AuthHttp(this.port);
	}

	@Test
	void signsWhatPusherClientsSend() throws Exception {
		HttpResponse<byte[]> channel = this.http.post("/pusher/auth", FORM,
				"socket_id=1234.1234&channel_name=private-open-foobar");
		assertThat(channel.statusCode()).isEqualTo(200);
		assertThat(json.readTree(channel.body()).get("auth").stringValue())
			.isEqualTo(AuthTestConfiguration.KEY + ":" + PusherAuthEndpointTests.hmac("1234.1234:private-open-foobar"));
		HttpResponse<byte[]> user = this.http.post("/pusher/user-auth", FORM, "socket_id=1234.1234");
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(json.readTree(user.body()).get("user_data").stringValue()).isEqualTo("{\"id\":\"ada\"}");
		HttpResponse<byte[]> jsonBody = this.http.post("/pusher/auth", "application/json",
				"{\"socket_id\": \"1.2\", \"channel_name\": \"private-user-ada\"}");
		assertThat(jsonBody.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "socket_id=1.2&channel_name=private-user-u1%2", "socket_id=%ZZ&channel_name=private-a",
			"socket_id=1.2&channel_name=private-a%C0%AF", "socket_id=1.2&channel_name=private-a&=x", "socket_id=1.2%",
			"socket_id=1.2&socket_id=1.3&channel_name=private-a" })
	void refusesBodiesTheContainerCannotDecodeWith400OnBothEndpoints(String body) throws Exception {
		for (String path : PATHS) {
			for (boolean csrfHeader : new boolean[] { true, false }) {
				HttpResponse<byte[]> response = this.http.send("POST", path, FORM,
						body.getBytes(StandardCharsets.US_ASCII), true, csrfHeader, false);
				JsonNode answer = refused(response, 400);
				assertThat(answer.get("error").stringValue()).startsWith("Malformed form body: ");
			}
		}
	}

	@Test
	void refusesMultipartAndOtherTypesWith415OnBothEndpoints() throws Exception {
		String multipart = "--b\r\nContent-Disposition: form-data; name=\"socket_id\"\r\n\r\n1.2\r\n--b--\r\n";
		for (String path : PATHS) {
			refused(this.http.post(path, "multipart/form-data; boundary=b", multipart), 415);
			refused(this.http.post(path, "multipart/form-data; boundary=b", "--b\r\nContent-Disp"), 415);
			refused(this.http.post(path, "multipart/form-data", multipart), 415);
			refused(this.http.post(path, "text/plain", "socket_id=1.2"), 415);
			refused(this.http.post(path, null, "socket_id=1.2"), 415);
		}
	}

	@Test
	void refusesOversizedBodiesWith413WithOrWithoutContentLength() throws Exception {
		byte[] body = ("socket_id=1.2&channel_name=private-open-a&pad=" + "x".repeat(9000))
			.getBytes(StandardCharsets.US_ASCII);
		for (String path : PATHS) {
			for (boolean chunked : new boolean[] { true, false }) {
				refused(this.http.send("POST", path, FORM, body, true, true, chunked), 413);
			}
		}
	}

	@Test
	void givesSpringSecurityTheDecodedFormForItsCsrfCheck() throws Exception {
		String body = "socket_id=1.2&channel_name=private-open-a&_csrf=" + AuthHttp.CSRF_TOKEN;
		for (boolean signedIn : new boolean[] { true, false }) {
			assertThat(send("/pusher/auth", body, signedIn, false).statusCode()).isEqualTo(200);
			assertThat(send("/pusher/auth", "socket_id=1.2&channel_name=private-open-a", signedIn, false).statusCode())
				.isEqualTo(403);
			assertThat(send("/pusher/auth", "socket_id=1.2&channel_name=private-open-a&_csrf=wrong", signedIn, false)
				.statusCode()).isEqualTo(403);
		}
	}

	@Test
	void readsTheFieldsFromTheBodyAndNeverFromTheQueryString() throws Exception {
		JsonNode answer = refused(this.http.post("/pusher/auth?socket_id=1.2&channel_name=private-open-a", FORM,
				"channel_name=private-open-a"), 400);
		assertThat(answer.get("error").stringValue()).isEqualTo("Socket id must not be empty");
		assertThat(this.http.post("/pusher/auth?socket_id=3.4&tag=x", FORM, "socket_id=1.2&channel_name=private-open-a")
			.statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAQueryStringTheContainerCannotParseWith400() throws Exception {
		byte[] body = "socket_id=1.2&channel_name=private-open-a".getBytes(StandardCharsets.US_ASCII);
		for (String path : PATHS) {
			AuthHttp.RawResponse response = this.http.sendRaw("POST", path + "?a=%ZZ", FORM, body, true, true);
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).isEqualTo("{\"error\":\"Malformed query string\"}");
			// without the CSRF header, Spring Security's CsrfFilter would read the
			// parameters
			assertThat(this.http.sendRaw("POST", path + "?_csrf=%", FORM, body, true, false).status()).isEqualTo(400);
			// whatever the container makes of bytes that are not UTF-8, never a 500
			assertThat(this.http.sendRaw("POST", path + "?_csrf=%C0%AF", FORM, body, false, false).status()).isIn(400,
					403);
		}
	}

	@Test
	void answersOtherMethodsWith405AndAllow() throws Exception {
		for (String path : PATHS) {
			HttpResponse<byte[]> put = this.http.send("PUT", path, FORM, "socket_id=%ZZ".getBytes(), true, true, false);
			refused(put, 405);
			assertThat(put.headers().firstValue("Allow")).hasValue("POST");
			HttpResponse<byte[]> get = this.http.send("GET", path, null, new byte[0], true, true, false);
			refused(get, 405);
			assertThat(get.headers().firstValue("Allow")).hasValue("POST");
			HttpResponse<byte[]> multipartGet = this.http.send("GET", path, "multipart/form-data; boundary=b",
					"--b\r\n".getBytes(), false, false, false);
			refused(multipartGet, 405);
		}
	}

	@Test
	void logsRefusalsWithoutAStackTraceOrWhatTheRequestCarried(CapturedOutput output) throws Exception {
		int refusals = 0;
		for (String path : PATHS) {
			for (String body : new String[] { "socket_id=CANARY%ZZ", "socket_id=1.2&channel_name=CANARY%0A%00%C0%AF",
					"CANARY\r\nERROR forged=1" }) {
				refused(this.http.post(path, FORM, body), 400);
				refusals++;
			}
			refused(this.http.post(path, "text/plain; name=CANARY", "x"), 415);
			refusals++;
		}
		String log = output.getAll();
		assertThat(log).doesNotContain("CANARY", "forged", "Exception", "\tat ");
		assertThat(log.lines().filter((line) -> line.contains(" WARN ")).count()).isLessThanOrEqualTo(refusals);
		assertThat(log.lines()).noneMatch((line) -> line.contains(" ERROR "))
			.allMatch((line) -> line.chars().noneMatch(Character::isISOControl));
	}

	private HttpResponse<byte[]> send(String path, String body, boolean signedIn, boolean csrfHeader) throws Exception {
		return this.http.send("POST", path, FORM, body.getBytes(StandardCharsets.US_ASCII), signedIn, csrfHeader,
				false);
	}

	private static JsonNode refused(HttpResponse<byte[]> response, int status) {
		assertThat(response.statusCode()).as(AuthHttp.text(response)).isEqualTo(status);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		JsonNode answer = json.readTree(response.body());
		assertThat(answer.properties()).hasSize(1);
		assertThat(answer.get("error").isString()).isTrue();
		return answer;
	}

}
