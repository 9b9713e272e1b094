package io.pusherspring.integration.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Raw Pusher HTTP API requests, signed as Pusher documents it, for the scenarios the
 * starter cannot send (it validates first, and always signs with the current time).
 */
public final class SignedRequests {

	private SignedRequests() {
	}

	/**
	 * Send a signed request.
	 * @param path the path below {@code /apps/{appId}}, such as {@code /events}
	 * @param body the JSON body, or empty for none
	 * @param timestamp the {@code auth_timestamp}, in seconds
	 * @return the answer, whatever its status
	 */
	public static HttpResponse<String> send(HttpClient http, URI server, String appId, String key, String secret,
			String method, String path, String body, long timestamp) {
		String fullPath = "/apps/" + appId + path;
		HttpRequest.Builder request = HttpRequest
			.newBuilder(server.resolve(fullPath + "?" + signedQuery(key, secret, method, fullPath, body, timestamp)));
		if (body.isEmpty()) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body));
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The query string of a signed request: the {@code auth_*} parameters and
	 * {@code body_md5}, sorted by name, then {@code auth_signature}.
	 */
	static String signedQuery(String key, String secret, String method, String fullPath, String body, long timestamp) {
		Map<String, String> query = new TreeMap<>();
		query.put("auth_key", key);
		query.put("auth_timestamp", Long.toString(timestamp));
		query.put("auth_version", "1.0");
		if (!body.isEmpty()) {
			query.put("body_md5", md5(body));
		}
		String signed = query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		return signed + "&auth_signature=" + hmac(secret, method + "\n" + fullPath + "\n" + signed);
	}

	/**
	 * Hex HMAC-SHA256, as Pusher signs everything.
	 */
	public static String hmac(String secret, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String md5(String body) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(body.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
