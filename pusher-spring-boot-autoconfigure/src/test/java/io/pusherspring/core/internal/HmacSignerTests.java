package io.pusherspring.core.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HmacSigner}, against the signing examples in Pusher's documentation.
 */
class HmacSignerTests {

	private final HmacSigner signer = new HmacSigner("7ad3773142a6692b25b8");

	@Test
	void signsAPrivateChannelAuthorizationAsPusherDocumentsIt() {
		assertThat(this.signer.sign("1234.1234:private-foobar"))
			.isEqualTo("58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4");
	}

	@Test
	void signsAUserAuthenticationAsPusherDocumentsIt() {
		assertThat(this.signer.sign("1234.1234::user::{\"id\":\"12345\"}"))
			.isEqualTo("4708d583dada6a56435fb8bc611c77c359a31eebde13337c16ab43aa6de336ba");
	}

	@Test
	void verifiesItsOwnSignature() {
		byte[] body = "{\"time_ms\":1,\"events\":[]}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signer.verify(body, this.signer.sign(body))).isTrue();
	}

	@Test
	void refusesTheSignatureOfOtherBytes() {
		byte[] body = "{\"time_ms\":1,\"events\":[]}".getBytes(StandardCharsets.UTF_8);
		String signature = this.signer.sign(body);
		body[2] = 'T';
		assertThat(this.signer.verify(body, signature)).isFalse();
	}

	@Test
	void refusesASignatureUnderAnotherSecret() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.signer.verify(body, new HmacSigner("another-secret").sign(body))).isFalse();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "58df8b0c", "zz8f8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4",
			"58df8b0c36d6982b82c3ecf6b4662e34fe8c25bba48f5369f135bf843651c3a4ff" })
	void refusesMissingOrMalformedSignatures(String signature) {
		assertThat(this.signer.verify("1234.1234:private-foobar".getBytes(StandardCharsets.UTF_8), signature))
			.isFalse();
	}

	@Test
	void neverPrintsTheSecret() {
		assertThat(this.signer).hasToString("HmacSigner[secret=******]");
	}

}
