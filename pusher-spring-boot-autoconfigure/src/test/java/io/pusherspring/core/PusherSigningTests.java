package io.pusherspring.core;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.pusher.rest.SignatureUtil;
import io.pusherspring.core.RequestSigner.SignedRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RequestSigner} against Pusher's published test vector, and against
 * pusher-http-java's own signing.
 */
class PusherSigningTests {

	private static final PusherCredentials CREDENTIALS = new PusherCredentials("3", "278d425bdf160c739803",
			"7ad3773142a6692b25b8");

	private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

	private final RequestSigner signer = new RequestSigner(CREDENTIALS);

	@Test
	void signsThePublishedVector() {
		SignedRequest signed = this.signer.sign(PusherRequest.post("/events", BODY), 1353088179);
		assertThat(signed.signature()).isEqualTo("da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
		assertThat(signed.pathAndQuery()).isEqualTo("/apps/3/events?auth_key=278d425bdf160c739803"
				+ "&auth_timestamp=1353088179&auth_version=1.0&body_md5=ec365a775a4cd0599faeb73354201b6f"
				+ "&auth_signature=da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");
		assertThat(new String(signed.body(), StandardCharsets.UTF_8)).isEqualTo(BODY);
	}

	@Test
	void signsQueryValuesUnescapedAndSendsThemEscaped() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("info", "user_count,subscription_count");
		query.put("filter_by_prefix", "presence-a=b");
		SignedRequest signed = this.signer.sign(PusherRequest.get("/channels", query), 1353088179);
		URI reference = SignatureUtil.uri("GET", "https", "api-mt1.pusher.com", "/apps/3/channels", null,
				CREDENTIALS.key(), CREDENTIALS.secret(), query);
		long timestamp = Long.parseLong(parameter(reference.getRawQuery(), "auth_timestamp"));
		SignedRequest sameTime = this.signer.sign(PusherRequest.get("/channels", query), timestamp);
		assertThat(sameTime.signature()).isEqualTo(parameter(reference.getRawQuery(), "auth_signature"));
		assertThat(signed.pathAndQuery()).contains("info=user_count%2Csubscription_count")
			.contains("filter_by_prefix=presence-a%3Db")
			.doesNotContain("body_md5");
		assertThat(signed.body()).isNull();
	}

	@Test
	void neverPrintsTheSignature() {
		SignedRequest signed = this.signer.sign(PusherRequest.post("/events", BODY), 1353088179);
		assertThat(signed.toString()).isEqualTo("POST /apps/3/events").doesNotContain(signed.signature());
		assertThat(this.signer.toString()).doesNotContain(CREDENTIALS.secret());
	}

	private static String parameter(String rawQuery, String name) {
		for (String pair : rawQuery.split("&")) {
			if (pair.startsWith(name + "=")) {
				return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
			}
		}
		throw new AssertionError(name + " not in " + rawQuery);
	}

}
