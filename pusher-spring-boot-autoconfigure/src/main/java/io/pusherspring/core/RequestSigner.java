package io.pusherspring.core;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.internal.HmacSigner;

/**
 * Signs requests as the Pusher HTTP API authenticates them: the query carries
 * {@code auth_key}, {@code auth_timestamp}, {@code auth_version=1.0}, {@code body_md5}
 * (hex MD5 of a non-empty body) and {@code auth_signature}, the hex HMAC-SHA256 of
 * {@code METHOD\nPATH\nQUERY} under the secret, QUERY being every other parameter sorted
 * by name and not URL-escaped, and PATH the path decoded, as pusher-http-java signs it.
 * Thread-safe.
 */
final class RequestSigner {

	private static final HexFormat HEX = HexFormat.of();

	private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(RequestSigner::md5);

	private final String key;

	private final HmacSigner signer;

	private final String appPath;

	RequestSigner(PusherCredentials credentials) {
		this.key = credentials.key();
		this.signer = new HmacSigner(credentials.secret());
		this.appPath = ApiPaths.app(credentials.appId());
	}

	/**
	 * Sign a request now.
	 * @param request the request
	 * @return the signed request
	 */
	SignedRequest sign(PusherRequest request) {
		return sign(request, System.currentTimeMillis() / 1000);
	}

	/**
	 * Sign a request at a given time.
	 * @param request the request
	 * @param timestamp the {@code auth_timestamp}, in seconds since the epoch
	 * @return the signed request
	 */
	SignedRequest sign(PusherRequest request, long timestamp) {
		String path = this.appPath + request.path();
		String signedPath = ApiPaths.decode(path);
		byte[] body = (request.body() != null) ? request.body().getBytes(StandardCharsets.UTF_8) : null;
		Map<String, String> query = new TreeMap<>(request.query());
		query.put("auth_key", this.key);
		query.put("auth_timestamp", Long.toString(timestamp));
		query.put("auth_version", "1.0");
		if (body != null && body.length > 0) {
			query.put("body_md5", HEX.formatHex(MD5.get().digest(body)));
		}
		StringBuilder signed = new StringBuilder(256).append(request.method())
			.append('\n')
			.append(signedPath)
			.append('\n');
		StringBuilder encoded = new StringBuilder(256).append(path).append('?');
		boolean first = true;
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			if (!first) {
				signed.append('&');
				encoded.append('&');
			}
			first = false;
			signed.append(parameter.getKey()).append('=').append(parameter.getValue());
			encoded.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
		}
		String signature = this.signer.sign(signed.toString());
		encoded.append("&auth_signature=").append(signature);
		return new SignedRequest(request.method(), encoded.toString(), body, signature);
	}

	private static String encode(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_';
			if (!plain) {
				return URLEncoder.encode(value, StandardCharsets.UTF_8);
			}
		}
		return value;
	}

	private static MessageDigest md5() {
		try {
			return MessageDigest.getInstance("MD5");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("MD5 is not available", ex);
		}
	}

	@Override
	public String toString() {
		return "RequestSigner[key=" + this.key + ", secret=******]";
	}

	/**
	 * A request ready to send.
	 *
	 * @param method {@code GET} or {@code POST}
	 * @param pathAndQuery the path, from {@code /apps/}, and the signed query, encoded
	 * @param body the body as UTF-8, or {@code null}
	 * @param signature the {@code auth_signature}, to remove from anything that echoes it
	 */
	record SignedRequest(String method, String pathAndQuery, byte @Nullable [] body, String signature) {

		/**
		 * Never prints the signature.
		 */
		@Override
		public String toString() {
			int query = this.pathAndQuery.indexOf('?');
			return this.method + " " + ((query != -1) ? this.pathAndQuery.substring(0, query) : this.pathAndQuery);
		}

	}

}
