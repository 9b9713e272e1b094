package io.pusherspring.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redaction}.
 *
 * @author pusher-spring-boot
 */
class RedactionTests {

	private static final String SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

	@Test
	void removesSignaturesThatPusherEchoes() {
		String message = "Invalid signature: Expected HMAC SHA256 hex digest of POST\n/apps/3/events\n"
				+ "auth_key=k&auth_timestamp=1, but got " + SIGNATURE;
		assertThat(Redaction.scrub(message)).doesNotContain(SIGNATURE).contains("but got [redacted]");
	}

	@Test
	void removesSignatureQueryParameters() {
		assertThat(Redaction.scrub("GET /apps/3/channels?auth_signature=abc123&auth_key=k"))
			.isEqualTo("GET /apps/3/channels?auth_signature=[redacted]&auth_key=k");
	}

	@Test
	void keepsOrdinaryMessagesAndShortensLongOnes() {
		assertThat(Redaction.scrub("  Payload too large  ")).isEqualTo("Payload too large");
		assertThat(Redaction.scrub("x".repeat(600))).hasSize(501);
		assertThat(Redaction.scrub(null)).isEmpty();
	}

}
