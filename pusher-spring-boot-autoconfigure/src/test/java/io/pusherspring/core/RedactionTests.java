package io.pusherspring.core;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redaction}.
 */
class RedactionTests {

	private static final String SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

	private static final String UPPER_CASE_SIGNATURE = "DA454824C97BA181A32CCC17A72625BA02771F50B50E1E7430E47A1F3F457E6C";

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

	@ParameterizedTest
	@ValueSource(strings = { "url=%2Fapps%2F3%2Fevents%3Fauth_key%3Dk%26auth_signature%3D" + SIGNATURE + "%26x%3D1",
			"url=%2Fapps%2F3%2Fevents%3Fauth_key%3Dk%26auth_signature%3d" + SIGNATURE,
			"twice=%252Fapps%253Fauth_signature%253D" + SIGNATURE + "%2526auth_key%253Dk",
			"{\"auth_signature\":\"" + SIGNATURE + "\",\"auth_key\":\"k\"}",
			"{\"query\": {\"auth_signature\" : \"" + SIGNATURE + "\"}}",
			"{\"echo\":\"{\\\"auth_signature\\\":\\\"" + SIGNATURE + "\\\"}\"}",
			"json=%7B%22auth_signature%22%3A%22" + SIGNATURE + "%22%7D", "AUTH_SIGNATURE=" + UPPER_CASE_SIGNATURE,
			"prefix" + SIGNATURE + "suffix" })
	void removesTheSignatureInEveryForm(String echo) {
		String scrubbed = Redaction.scrub(echo, SIGNATURE);
		assertThat(scrubbed).containsIgnoringCase("[redacted]").doesNotContainIgnoringCase(SIGNATURE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "url=%2Fapps%3Fauth_key%3Dk%26auth_signature%3D" + SIGNATURE,
			"{\"auth_signature\": \"" + SIGNATURE + "\"}", "{\\\"auth_signature\\\":\\\"" + SIGNATURE + "\\\"}",
			"got " + UPPER_CASE_SIGNATURE })
	void removesSignaturesWithoutKnowingTheRequestsOne(String echo) {
		assertThat(Redaction.scrub(echo)).doesNotContainIgnoringCase(SIGNATURE);
	}

	@Test
	void keepsWhatSurroundsAnEncodedSignature() {
		assertThat(Redaction.scrub("q=auth_key%3Dk%26auth_signature%3D" + SIGNATURE + "%26auth_timestamp%3D1"))
			.isEqualTo("q=auth_key%3Dk%26auth_signature%3D[redacted]%26auth_timestamp%3D1");
	}

	@Test
	void removesTheRequestsSignatureWhereverItAppears() {
		String glued = "x" + SIGNATURE + "y";
		assertThat(Redaction.scrub(glued)).contains(SIGNATURE);
		assertThat(Redaction.scrub(glued, SIGNATURE)).isEqualTo("x[redacted]y");
	}

	@Test
	void keepsOrdinaryMessagesAndShortensLongOnes() {
		assertThat(Redaction.scrub("  Payload too large  ")).isEqualTo("Payload too large");
		assertThat(Redaction.scrub("x".repeat(600))).hasSize(501);
		assertThat(Redaction.scrub(null)).isEmpty();
	}

}
