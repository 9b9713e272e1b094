package io.pusherspring.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.pusher.rest.SignatureUtil;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;

/**
 * Builds and sends Pusher HTTP API requests for tests, signed with pusher-http-java's
 * HMAC and commons-codec's MD5, not with the code under test, and with every
 * authentication parameter under the test's control.
 */
final class SignedRequests {

	private static final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private final URI endpoint;

	private final String method;

	private final String path;

	private final Map<String, String> parameters = new LinkedHashMap<>();

	private @Nullable String body;

	private String secret;

	private @Nullable String signatureOverride;

	private SignedRequests(FakePusherServer server, String method, String path) {
		this(server.getEndpoint(), server.getKey(), server.getSecret(), method, path);
	}

	private SignedRequests(URI endpoint, String key, String secret, String method, String path) {
		this.endpoint = endpoint;
		this.method = method;
		this.path = path;
		this.secret = secret;
		this.parameters.put("auth_key", key);
		this.parameters.put("auth_timestamp", Long.toString(Instant.now().getEpochSecond()));
		this.parameters.put("auth_version", "1.0");
	}

	static SignedRequests post(FakePusherServer server, String path, String body) {
		SignedRequests request = new SignedRequests(server, "POST", path);
		request.body = body;
		request.parameters.put("body_md5", DigestUtils.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
		return request;
	}

	static SignedRequests get(FakePusherServer server, String path) {
		return new SignedRequests(server, "GET", path);
	}

	static SignedRequests post(LocalPusherServer server, String path, String body) {
		SignedRequests request = new SignedRequests(server.getEndpoint(), server.getKey(), server.getSecret(), "POST",
				path);
		request.body = body;
		request.parameters.put("body_md5", DigestUtils.md5Hex(body.getBytes(StandardCharsets.UTF_8)));
		return request;
	}

	SignedRequests param(String name, @Nullable String value) {
		if (value == null) {
			this.parameters.remove(name);
		}
		else {
			this.parameters.put(name, value);
		}
		return this;
	}

	SignedRequests secret(String secret) {
		this.secret = secret;
		return this;
	}

	SignedRequests signature(String signature) {
		this.signatureOverride = signature;
		return this;
	}

	/**
	 * Send a different body than the one that was signed.
	 */
	SignedRequests tamperedBody(String body) {
		this.body = body;
		return this;
	}

	String signature() {
		if (this.signatureOverride != null) {
			return this.signatureOverride;
		}
		String query = new TreeMap<>(this.parameters).entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining("&"));
		return SignatureUtil.sign(this.method + "\n" + this.path + "\n" + query, this.secret);
	}

	URI uri() {
		Map<String, String> all = new LinkedHashMap<>(this.parameters);
		all.put("auth_signature", signature());
		String query = all.entrySet()
			.stream()
			.map((entry) -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
			.collect(Collectors.joining("&"));
		return URI.create(this.endpoint + this.path + "?" + query);
	}

	HttpResponse<String> send() throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri()).timeout(Duration.ofSeconds(5));
		if (this.body != null) {
			request.header("Content-Type", "application/json")
				.method(this.method, HttpRequest.BodyPublishers.ofString(this.body, StandardCharsets.UTF_8));
		}
		else {
			request.method(this.method, HttpRequest.BodyPublishers.noBody());
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
