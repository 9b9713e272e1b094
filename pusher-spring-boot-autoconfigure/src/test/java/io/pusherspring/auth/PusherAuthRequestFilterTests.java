package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the auth endpoints behind {@link PusherAuthRequestFilter} (Spring MVC) and
 * {@link PusherAuthRequestWebFilter} (Spring WebFlux), over real HTTP to a real Tomcat
 * and a real Reactor Netty, with Spring Security's authentication and CSRF protection:
 * the servers' own parameter and multipart parsing run here, as they do in production.
 */
@ExtendWith(OutputCaptureExtension.class)
class PusherAuthRequestFilterTests {

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String[] PATHS = { "/pusher/auth", "/pusher/user-auth" };

	private static final JsonMapper json = JsonMapper.shared();

	private static final RunningStacks apps = new RunningStacks("spring.application.name=auth-request-filter");

	private AuthHttp http;

	@AfterAll
	static void stop() {
		apps.close();
	}

	@AfterEach
	void nothingBlockedAnEventLoop() {
		assertThat(NonBlockingThreads.violations()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void signsWhatPusherClientsSend(WebStack stack) throws Exception {
		this.http = apps.http(stack);
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
		for (WebStack stack : WebStack.values()) {
			this.http = apps.http(stack);
			refusesOnBothEndpoints(body);
		}
	}

	private void refusesOnBothEndpoints(String body) throws Exception {
		for (String path : PATHS) {
			for (boolean csrfHeader : new boolean[] { true, false }) {
				HttpResponse<byte[]> response = this.http.send("POST", path, FORM,
						body.getBytes(StandardCharsets.US_ASCII), true, csrfHeader, false);
				JsonNode answer = refused(response, 400);
				assertThat(answer.get("error").stringValue()).startsWith("Malformed form body: ");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void refusesMultipartAndOtherTypesWith415OnBothEndpoints(WebStack stack) throws Exception {
		this.http = apps.http(stack);
		String multipart = "--b\r\nContent-Disposition: form-data; name=\"socket_id\"\r\n\r\n1.2\r\n--b--\r\n";
		for (String path : PATHS) {
			refused(this.http.post(path, "multipart/form-data; boundary=b", multipart), 415);
			refused(this.http.post(path, "multipart/form-data; boundary=b", "--b\r\nContent-Disp"), 415);
			refused(this.http.post(path, "multipart/form-data", multipart), 415);
			refused(this.http.post(path, "text/plain", "socket_id=1.2"), 415);
			refused(this.http.post(path, null, "socket_id=1.2"), 415);
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void refusesOversizedBodiesWith413WithOrWithoutContentLength(WebStack stack) throws Exception {
		this.http = apps.http(stack);
		byte[] body = ("socket_id=1.2&channel_name=private-open-a&pad=" + "x".repeat(9000))
			.getBytes(StandardCharsets.US_ASCII);
		for (String path : PATHS) {
			for (boolean chunked : new boolean[] { true, false }) {
				refused(this.http.send("POST", path, FORM, body, true, true, chunked), 413);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void givesSpringSecurityTheDecodedFormForItsCsrfCheck(WebStack stack) throws Exception {
		this.http = apps.http(stack);
		String body = "socket_id=1.2&channel_name=private-open-a&_csrf=" + AuthHttp.CSRF_TOKEN;
		for (boolean signedIn : new boolean[] { true, false }) {
			assertThat(send("/pusher/auth", body, signedIn, false).statusCode()).isEqualTo(200);
			assertThat(send("/pusher/auth", "socket_id=1.2&channel_name=private-open-a", signedIn, false).statusCode())
				.isEqualTo(403);
			assertThat(send("/pusher/auth", "socket_id=1.2&channel_name=private-open-a&_csrf=wrong", signedIn, false)
				.statusCode()).isEqualTo(403);
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void readsTheFieldsFromTheBodyAndNeverFromTheQueryString(WebStack stack) throws Exception {
		this.http = apps.http(stack);
		JsonNode answer = refused(this.http.post("/pusher/auth?socket_id=1.2&channel_name=private-open-a", FORM,
				"channel_name=private-open-a"), 400);
		assertThat(answer.get("error").stringValue()).isEqualTo("Socket id must not be empty");
		assertThat(this.http.post("/pusher/auth?socket_id=3.4&tag=x", FORM, "socket_id=1.2&channel_name=private-open-a")
			.statusCode()).isEqualTo(200);
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void refusesAQueryStringTheContainerCannotParseWith400(WebStack stack) throws Exception {
		this.http = apps.http(stack);
		byte[] body = "socket_id=1.2&channel_name=private-open-a".getBytes(StandardCharsets.US_ASCII);
		for (String path : PATHS) {
			AuthHttp.RawResponse response = this.http.sendRaw("POST", path + "?a=%ZZ", FORM, body, true, true);
			if (stack == WebStack.MVC) {
				assertThat(response.status()).as(response.body()).isEqualTo(400);
				assertThat(response.body()).isEqualTo("{\"error\":\"Malformed query string\"}");
			}
			else {
				// Spring WebFlux refuses a URI it cannot parse itself, before any filter
				assertThat(response.status()).as(response.body()).isIn(stack.orReset(400));
			}
			// without the CSRF header, Spring Security's CSRF check would read the
			// parameters
			assertThat(this.http.sendRaw("POST", path + "?_csrf=%", FORM, body, true, false).status())
				.isIn(stack.orReset(400));
			// whatever the server makes of bytes that are not UTF-8, never a 500
			assertThat(this.http.sendRaw("POST", path + "?_csrf=%C0%AF", FORM, body, false, false).status())
				.isIn(stack.orReset(400, 403));
		}
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void answersOtherMethodsWith405AndAllow(WebStack stack) throws Exception {
		this.http = apps.http(stack);
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

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void logsRefusalsWithoutAStackTraceOrWhatTheRequestCarried(WebStack stack, CapturedOutput output) throws Exception {
		this.http = apps.http(stack);
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
