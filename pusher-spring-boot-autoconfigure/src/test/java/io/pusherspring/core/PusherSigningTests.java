package io.pusherspring.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import com.pusher.rest.SignatureUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request signing {@link HttpPusherTransport} relies on, against Pusher's published
 * test vectors.
 *
 * @author pusher-spring-boot
 */
class PusherSigningTests {

	private static final String SECRET = "7ad3773142a6692b25b8";

	private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

	@Test
	void bodyDigestMatchesPublishedVector() throws Exception {
		byte[] digest = MessageDigest.getInstance("MD5").digest(BODY.getBytes(StandardCharsets.UTF_8));
		assertThat(HexFormat.of().formatHex(digest)).isEqualTo("ec365a775a4cd0599faeb73354201b6f");
	}

	@Test
	void requestSignatureMatchesPublishedVector() {
		String signed = "POST\n/apps/3/events\nauth_key=278d425bdf160c739803&auth_timestamp=1353088179"
				+ "&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f";
		assertThat(SignatureUtil.sign(signed, SECRET))
			.isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
	}

	@Test
	void signedUriCarriesAuthenticationParameters() {
		var uri = SignatureUtil.uri("POST", "https", "api-mt1.pusher.com", "/apps/3/events", BODY,
				"278d425bdf160c739803", SECRET, java.util.Map.of());
		assertThat(uri.getQuery()).contains("auth_key=278d425bdf160c739803")
			.contains("auth_version=1.0")
			.contains("body_md5=ec365a775a4cd0599faeb73354201b6f")
			.containsPattern("auth_signature=[0-9a-f]{64}")
			.containsPattern("auth_timestamp=[0-9]{10}");
	}

}
