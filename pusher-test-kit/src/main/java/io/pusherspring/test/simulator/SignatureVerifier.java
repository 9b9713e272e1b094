package io.pusherspring.test.simulator;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Checks the authentication of a Pusher HTTP API request as Pusher does, with JDK
 * cryptography only: {@code auth_key}, {@code auth_timestamp} within 600 seconds,
 * {@code auth_version=1.0}, {@code body_md5} of a non-empty body, and
 * {@code auth_signature}, the hex HMAC-SHA256 of {@code METHOD\nPATH\nQUERY} under the
 * secret, where QUERY is every other parameter sorted by key and not URL-escaped.
 */
final class SignatureVerifier {

	static final long MAX_CLOCK_SKEW_SECONDS = 600;

	static final String AUTH_KEY = "auth_key";

	static final String AUTH_TIMESTAMP = "auth_timestamp";

	static final String AUTH_VERSION = "auth_version";

	static final String AUTH_SIGNATURE = "auth_signature";

	static final String BODY_MD5 = "body_md5";

	private final String key;

	private final String secret;

	private final Clock clock;

	SignatureVerifier(String key, String secret, Clock clock) {
		this.key = key;
		this.secret = secret;
		this.clock = clock;
	}

	/**
	 * Check one request.
	 * @param method the HTTP method
	 * @param path the request path, decoded, such as {@code /apps/3/events}
	 * @param query the query parameters, decoded
	 * @param body the raw request body, possibly empty
	 * @return why Pusher would answer 401, or {@code null} if the request is authentic
	 */
	@Nullable String rejection(String method, String path, Map<String, String> query, byte[] body) {
		String givenKey = query.get(AUTH_KEY);
		if (givenKey == null || givenKey.isEmpty()) {
			return "Missing auth_key";
		}
		if (!givenKey.equals(this.key)) {
			return "Unknown auth_key";
		}
		if (!"1.0".equals(query.get(AUTH_VERSION))) {
			return "Unsupported or missing auth_version: only 1.0 is supported";
		}
		String timestampRejection = timestampRejection(query.get(AUTH_TIMESTAMP));
		if (timestampRejection != null) {
			return timestampRejection;
		}
		String bodyMd5 = query.get(BODY_MD5);
		if (body.length > 0 && bodyMd5 == null) {
			return "Missing body_md5: requests with a body must include its hex MD5";
		}
		if (bodyMd5 != null && !bodyMd5.equals(PusherCrypto.md5Hex(body))) {
			return "Invalid body_md5: the body does not match the MD5 given in the query";
		}
		String signature = query.get(AUTH_SIGNATURE);
		if (signature == null || signature.isEmpty()) {
			return "Missing auth_signature";
		}
		String signed = stringToSign(method, path, query);
		if (!PusherCrypto.constantTimeEquals(sign(signed), signature)) {
			// Pusher's own answer echoes what it received: the client must not repeat it
			return "Invalid signature: Expected HMAC SHA256 hex digest of " + signed + ", but got " + signature;
		}
		return null;
	}

	/**
	 * The hex HMAC-SHA256 of a text under the secret.
	 * @param text the string to sign
	 * @return the lowercase hex signature
	 */
	String sign(String text) {
		return PusherCrypto.hmacSha256Hex(this.secret, text);
	}

	/**
	 * What a request's signature covers: {@code METHOD\nPATH\nQUERY}, the query sorted by
	 * key, without {@code auth_signature}, values as they are (not URL-escaped).
	 * @param method the HTTP method
	 * @param path the request path
	 * @param query the decoded query parameters
	 * @return the string to sign
	 */
	static String stringToSign(String method, String path, Map<String, String> query) {
		StringBuilder text = new StringBuilder(method).append('\n').append(path).append('\n');
		String separator = "";
		for (Map.Entry<String, String> parameter : new TreeMap<>(query).entrySet()) {
			if (!AUTH_SIGNATURE.equals(parameter.getKey())) {
				text.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
				separator = "&";
			}
		}
		return text.toString();
	}

	private @Nullable String timestampRejection(@Nullable String timestamp) {
		if (timestamp == null || timestamp.isEmpty()) {
			return "Missing auth_timestamp";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp);
		}
		catch (NumberFormatException ex) {
			return "Invalid auth_timestamp: expected seconds since the epoch";
		}
		long now = this.clock.instant().getEpochSecond();
		if (seconds < now - MAX_CLOCK_SKEW_SECONDS || seconds > now + MAX_CLOCK_SKEW_SECONDS) {
			return "Timestamp expired: Given timestamp (" + seconds + ") not within " + MAX_CLOCK_SKEW_SECONDS
					+ "s of server time (" + now + ")";
		}
		return null;
	}

	@Override
	public String toString() {
		return "SignatureVerifier[key=" + this.key + ", secret=******]";
	}

}
