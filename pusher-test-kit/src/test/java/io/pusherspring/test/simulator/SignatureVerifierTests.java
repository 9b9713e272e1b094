package io.pusherspring.test.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SignatureVerifier} against the signing example Pusher publishes.
 */
class SignatureVerifierTests {

	private static final String KEY = "278d425bdf160c739803";

	private static final String SECRET = "7ad3773142a6692b25b8";

	private static final long TIMESTAMP = 1353088179;

	private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";

	private static final String BODY_MD5 = "ec365a775a4cd0599faeb73354201b6f";

	private static final String SIGNATURE = "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c";

	private final SignatureVerifier verifier = new SignatureVerifier(KEY, SECRET,
			Clock.fixed(Instant.ofEpochSecond(TIMESTAMP), ZoneOffset.UTC));

	@Test
	void computesThePublishedBodyMd5() {
		assertThat(PusherCrypto.md5Hex(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(BODY_MD5);
	}

	@Test
	void signsThePublishedExample() {
		String signed = SignatureVerifier.stringToSign("POST", "/apps/3/events", publishedQuery());
		assertThat(signed).isEqualTo("POST\n/apps/3/events\nauth_key=" + KEY + "&auth_timestamp=" + TIMESTAMP
				+ "&auth_version=1.0&body_md5=" + BODY_MD5);
		assertThat(this.verifier.sign(signed)).isEqualTo(SIGNATURE);
	}

	@Test
	void acceptsThePublishedExample() {
		assertThat(this.verifier.rejection("POST", "/apps/3/events", publishedQuery(), body())).isNull();
	}

	@Test
	void signsQueryValuesUnescapedAndSortedByKey() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("info", "user_count,subscription_count");
		query.put("auth_signature", "ignored");
		query.put("filter_by_prefix", "presence-");
		query.put("auth_key", KEY);
		assertThat(SignatureVerifier.stringToSign("GET", "/apps/3/channels", query))
			.isEqualTo("GET\n/apps/3/channels\nauth_key=" + KEY
					+ "&filter_by_prefix=presence-&info=user_count,subscription_count");
	}

	@Test
	void rejectsTheExampleWithOneCharacterOfTheSignatureChanged() {
		Map<String, String> query = publishedQuery();
		query.put("auth_signature", SIGNATURE.substring(0, 63) + "d");
		assertThat(this.verifier.rejection("POST", "/apps/3/events", query, body()))
			.startsWith("Invalid signature: Expected HMAC SHA256 hex digest of POST\n/apps/3/events\n")
			.endsWith("but got " + SIGNATURE.substring(0, 63) + "d");
	}

	@Test
	void rejectsTheExampleWithAnotherBody() {
		byte[] tampered = BODY.replace("project-3", "project-4").getBytes(StandardCharsets.UTF_8);
		assertThat(this.verifier.rejection("POST", "/apps/3/events", publishedQuery(), tampered))
			.startsWith("Invalid body_md5");
	}

	@Test
	void rejectsTheExampleWithoutBodyMd5() {
		Map<String, String> query = publishedQuery();
		query.remove("body_md5");
		assertThat(this.verifier.rejection("POST", "/apps/3/events", query, body())).startsWith("Missing body_md5");
	}

	@Test
	void rejectsTheExampleOnAnotherPath() {
		assertThat(this.verifier.rejection("POST", "/apps/4/events", publishedQuery(), body()))
			.startsWith("Invalid signature");
	}

	@Test
	void rejectsTheExampleWithAnotherKey() {
		Map<String, String> query = publishedQuery();
		query.put("auth_key", "another-key");
		assertThat(this.verifier.rejection("POST", "/apps/3/events", query, body())).isEqualTo("Unknown auth_key");
	}

	@Test
	void acceptsTimestampsUpToTenMinutesAway() {
		for (long offset : new long[] { -600, 600 }) {
			SignatureVerifier shifted = new SignatureVerifier(KEY, SECRET,
					Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + offset), ZoneOffset.UTC));
			assertThat(shifted.rejection("POST", "/apps/3/events", publishedQuery(), body())).isNull();
		}
	}

	@Test
	void rejectsTimestampsMoreThanTenMinutesAway() {
		for (long offset : new long[] { -601, 601 }) {
			SignatureVerifier shifted = new SignatureVerifier(KEY, SECRET,
					Clock.fixed(Instant.ofEpochSecond(TIMESTAMP + offset), ZoneOffset.UTC));
			assertThat(shifted.rejection("POST", "/apps/3/events", publishedQuery(), body()))
				.startsWith("Timestamp expired");
		}
	}

	@Test
	void rejectsAnUnreadableTimestamp() {
		Map<String, String> query = publishedQuery();
		query.put("auth_timestamp", "-9223372036854775808");
		assertThat(this.verifier.rejection("POST", "/apps/3/events", query, body())).startsWith("Timestamp expired");
		query.put("auth_timestamp", "yesterday");
		assertThat(this.verifier.rejection("POST", "/apps/3/events", query, body()))
			.startsWith("Invalid auth_timestamp");
	}

	@Test
	void neverPrintsTheSecret() {
		assertThat(this.verifier.toString()).doesNotContain(SECRET);
	}

	private static Map<String, String> publishedQuery() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("auth_version", "1.0");
		query.put("auth_key", KEY);
		query.put("body_md5", BODY_MD5);
		query.put("auth_timestamp", Long.toString(TIMESTAMP));
		query.put("auth_signature", SIGNATURE);
		return query;
	}

	private static byte[] body() {
		return BODY.getBytes(StandardCharsets.UTF_8);
	}

}
