package io.pusherspring.auth;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.pusherspring.auth.HostileRequests.Request;
import io.pusherspring.core.internal.RefusalLog;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz of the auth endpoints on both web stacks: {@value #REQUESTS} seeded random
 * requests (see {@link HostileRequests}) per stack, spread evenly over both endpoints and
 * over signed-in and anonymous callers, over real HTTP to a real Tomcat (Spring MVC) and
 * a real Reactor Netty (Spring WebFlux) behind Spring Security with CSRF protection on.
 * None is answered with 5xx, no refusal carries a signature, and the log gets at most one
 * WARN line per refusal, with no control characters, no stack trace and nothing the
 * requests carried. On WebFlux, no request blocks an event loop.
 * <p>
 * The seed is {@value #DEFAULT_SEED}; run another with
 * {@code -Dpusher.auth.fuzz.seed=<long>}. The status histogram of each stack is printed.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileAuthRequestsTests {

	static final int REQUESTS = 2400;

	static final long DEFAULT_SEED = 20260317L;

	private static final Pattern SIGNATURE = Pattern.compile("\"auth\"\\s*:|[0-9a-f]{64}");

	private static final String[] PATHS = { "/pusher/auth", "/pusher/user-auth" };

	// their own applications, so that their refusal logs start with a fresh budget
	private static final RunningStacks apps = new RunningStacks("spring.application.name=hostile-auth-requests");

	@AfterAll
	static void stop() {
		apps.close();
	}

	@ParameterizedTest
	@EnumSource(WebStack.class)
	void noHostileRequestGetsA5xxASignatureInARefusalOrIntoTheLog(WebStack stack, CapturedOutput output)
			throws Exception {
		long seed = Long.getLong("pusher.auth.fuzz.seed", DEFAULT_SEED);
		HostileRequests requests = new HostileRequests(seed);
		AuthHttp http = apps.http(stack);
		NonBlockingThreads.violations();
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
			if (status == AuthHttp.RESET && !(stack == WebStack.WEBFLUX && request.raw())) {
				failures.add("#" + i + " reset without an answer for " + describe(request));
			}
			if (status != 200) {
				refusals++;
				if (SIGNATURE.matcher(body).find()) {
					failures.add("#" + i + " signature in a " + status + " for " + describe(request));
				}
			}
		}
		System.out.println("Hostile auth requests on " + stack + ", seed " + seed + ": status -> count " + histogram
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
			.allMatch((line) -> line.contains(filter(stack).getSimpleName()) || !line.contains("Refused"));
		assertThat(NonBlockingThreads.violations()).isEmpty();
	}

	private static Class<?> filter(WebStack stack) {
		return (stack == WebStack.MVC) ? PusherAuthRequestFilter.class : PusherAuthRequestWebFilter.class;
	}

	private static String describe(Request request) {
		String body = new String(request.body(), StandardCharsets.ISO_8859_1);
		return request.method() + " " + request.pathAndQuery() + " [" + request.contentType() + "] "
				+ RefusalLog.escape(body, 200) + (request.signedIn() ? " signed in" : " anonymous")
				+ (request.csrfHeader() ? ", CSRF header" : "") + (request.chunked() ? ", chunked" : "");
	}

}
