package io.pusherspring.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.SettableClock;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.core.internal.RefusalLog;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests of the rate-limited log of refused auth requests.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuthRefusalLogTests {

	private final SettableClock clock = new SettableClock(Instant.parse("2026-03-17T10:00:00Z"));

	private final AuthRefusalLog log = new AuthRefusalLog(LogFactory.getLog("refusal-log-test"), 3,
			Duration.ofMinutes(1), this.clock);

	@Test
	void logsOneLineNamingTheEndpointCallerStatusAndReason(CapturedOutput output) {
		this.log.refused(Kind.USER_AUTHENTICATION, "10.0.0.7", 415, "Unsupported Content-Type");
		assertThat(lines(output)).containsExactly(
				"Refused a Pusher user authentication request from 10.0.0.7 with 415: Unsupported Content-Type");
	}

	@Test
	void logsAtMostTheMaximumPerWindowThenSaysHowManyWentUnlogged(CapturedOutput output) {
		for (int i = 0; i < 10; i++) {
			this.log.refused(Kind.CHANNEL_AUTHORIZATION, "10.0.0.7", 400, "Malformed form body");
		}
		this.clock.advance(Duration.ofSeconds(59));
		this.log.refused(Kind.CHANNEL_AUTHORIZATION, "10.0.0.7", 400, "Malformed form body");
		assertThat(lines(output)).hasSize(3);
		assertThat(lines(output).get(2)).endsWith("(no more refusals are logged until 2026-03-17T10:01:00Z)");
		this.clock.advance(Duration.ofSeconds(1));
		this.log.refused(Kind.CHANNEL_AUTHORIZATION, "10.0.0.8", 413, "Request body over 8192 bytes");
		assertThat(lines(output)).hasSize(4);
		assertThat(lines(output).get(3)).isEqualTo("Refused a Pusher channel authorization request from 10.0.0.8 "
				+ "with 413: Request body over 8192 bytes (8 more refused since 2026-03-17T10:00:00Z not logged)");
	}

	@Test
	void escapesControlAndFormatCharactersAndCutsLongAddresses(CapturedOutput output) {
		this.log.refused(Kind.CHANNEL_AUTHORIZATION, "1.2.3.4\r\nFAKE\u0000\u202e\u2028" + "9".repeat(100), 400,
				"Malformed form body");
		List<String> lines = lines(output);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0))
			.startsWith("Refused a Pusher channel authorization request from "
					+ "1.2.3.4\\u000d\\u000aFAKE\\u0000\\u202e\\u2028999")
			.contains("...")
			.doesNotContain("9".repeat(100))
			.doesNotContainPattern("[\\p{Cc}\\p{Cf}\\p{Zl}]");
		assertThat(RefusalLog.escape(null, 10)).isEqualTo("unknown");
	}

	private static List<String> lines(CapturedOutput output) {
		return output.getAll()
			.lines()
			.filter((line) -> line.contains("refusal-log-test"))
			.map((line) -> line.substring(line.indexOf("Refused")))
			.toList();
	}

}
