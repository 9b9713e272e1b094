package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.auth.HostileRequests.Request;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz of the auth endpoints: {@value #REQUESTS} seeded random requests (see
 * {@link HostileRequests}), spread evenly over both endpoints and over signed-in and
 * anonymous callers, over real HTTP to a real Tomcat behind Spring Security with CSRF
 * protection on. None is answered with 5xx, no refusal carries a signature, and the log
 * gets at most one WARN line per refusal, with no control characters, no stack trace and
 * nothing the requests carried.
 * <p>
 * The seed is {@value #DEFAULT_SEED}; run another with
 * {@code -Dpusher.auth.fuzz.seed=<long>}. The status histogram is printed.
 */
@SpringBootTest(classes = AuthOverHttpApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		// its own context, so that its refusal logs start with a fresh budget
		properties = "spring.application.name=hostile-auth-requests")
@ExtendWith(OutputCaptureExtension.class)
class HostileAuthRequestsTests {

	static final int REQUESTS = 2400;

	static final long DEFAULT_SEED = 20260317L;

	private static final Pattern SIGNATURE = Pattern.compile("\"auth\"\\s*:|[0-9a-f]{64}");

	private static final String[] PATHS = { "/pusher/auth", "/pusher/user-auth" };

	@LocalServerPort
	private int port;

	@Test
	void noHostileRequestGetsA5xxASignatureInARefusalOrIntoTheLog(CapturedOutput output) throws Exception {
		long seed = Long.getLong("pusher.auth.fuzz.seed", DEFAULT_SEED);
		HostileRequests requests = new HostileRequests(seed);
		AuthHttp http = new AuthHttp(this.port);
		int logStart = output.getAll().length();
		Map<Integer, Integer> histogram = new TreeMap<>();
		Map<String, Integer> targets = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		int refusals = 0;
		for (int i = 0; i < REQUESTS; i++) {
			String path = PATHS[i % 2];
			boolean signedIn = (i / 2) % 2 == 0;
			Request request = requests.next(path, signedIn);
			int status;
			String body;
			if (request.raw()) {
				AuthHttp.RawResponse response = http.sendRaw(request.method(), request.pathAndQuery(),
						request.contentType(), request.body(), signedIn, request.csrfHeader());
				status = response.status();
				body = response.body();
			}
			else {
				HttpResponse<byte[]> response = http.send(request.method(), request.pathAndQuery(),
						request.contentType(), request.body(), signedIn, request.csrfHeader(), request.chunked());
				status = response.statusCode();
				body = new String(response.body(), StandardCharsets.ISO_8859_1);
			}
			histogram.merge(status, 1, Integer::sum);
			targets.merge(path + " " + (signedIn ? "signed-in" : "anonymous"), 1, Integer::sum);
			if (status >= 500) {
				failures.add("#" + i + " " + status + " for " + describe(request));
			}
			if (status != 200) {
				refusals++;
				if (SIGNATURE.matcher(body).find()) {
					failures.add("#" + i + " signature in a " + status + " for " + describe(request));
				}
			}
		}
		System.out.println("Hostile auth requests, seed " + seed + ": status -> count " + histogram
				+ "; requests per endpoint and caller " + targets);
		assertThat(failures).isEmpty();
		assertThat(histogram).containsKeys(200, 400, 403, 405, 413, 415);
		assertThat(targets).hasSize(4).allSatisfy((target, count) -> assertThat(count).isEqualTo(REQUESTS / 4));
		List<String> log = output.getAll().substring(logStart).lines().toList();
		assertThat(log).allSatisfy((line) -> assertThat(line.chars().filter(Character::isISOControl).count())
			.as("control characters in %s", line)
			.isZero());
		assertThat(String.join("\n", log)).doesNotContain(HostileRequests.CANARY, "forged", "Exception", "ERROR");
		List<String> warnings = log.stream().filter((line) -> line.contains(" WARN ")).toList();
		assertThat(warnings).hasSizeLessThanOrEqualTo(refusals)
			.anyMatch((line) -> line.contains("Refused a Pusher channel authorization request from 127.0.0.1"))
			.allMatch((line) -> line.contains(PusherAuthRequestFilter.class.getSimpleName())
					|| !line.contains("Refused"));
	}

	private static String describe(Request request) {
		String body = new String(request.body(), StandardCharsets.ISO_8859_1);
		return request.method() + " " + request.pathAndQuery() + " [" + request.contentType() + "] "
				+ AuthRefusalLog.escape(body, 200) + (request.signedIn() ? " signed in" : " anonymous")
				+ (request.csrfHeader() ? ", CSRF header" : "") + (request.chunked() ? ", chunked" : "");
	}

}
