package io.pusherspring.auth;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.jspecify.annotations.Nullable;

/**
 * Seeded random requests to the auth endpoints, as an attacker (or a broken client) would
 * send them: forms, JSON, multipart and other bodies, bad percent-encoding, bytes that
 * are not UTF-8, NUL and newlines, repeated and empty names, over-long fields and bodies,
 * odd methods and query strings; and, among them, requests Pusher's clients send. Values
 * that are not valid on their own carry {@link #CANARY}, which must never reach a log.
 */
final class HostileRequests {

	static final String CANARY = "qz7canary";

	private static final String FORM = "application/x-www-form-urlencoded";

	private static final String[] HOSTILE_SOCKET_IDS = { "", "1.2%", "%ZZ", "1.2%0A", "1.2%00", "1.2\n", "1.2\0",
			"-1.2", "1..2", "1.2.3", "\uff11.\uff12", "9".repeat(70) + ".1", CANARY, "1.2%C0%AF", "1.2%E2%82", "%FF",
			"1.2+3", "1.2;3", CANARY + "%0D%0AERROR+forged", "1.2%2", "%", "1.2%u0041" };

	private static final String[] HOSTILE_CHANNELS = { "private-user-u1%2", "private-a%C0%AF",
			"private-" + "a".repeat(200), "#server-to-user-1", "private-a b", "private-a%20b", "private-%F0%9F%98%80",
			"private-\r\nX", "private-%0D%0AERROR+forged-" + CANARY, CANARY, "private-%ED%A0%80", "private-%00", "",
			"public-x", "private-" + CANARY + "%ZZ", "presence-%FE%FF" };

	private static final String[] INSERTIONS = { "%", "%2", "%ZZ", "%C0%AF", "\u00ff", "\0", "\r\n", "&=", "=", "&",
			"+", "%00", "%0A", "%E2%82", "%" + CANARY, "&=" + CANARY };

	private static final String[] OTHER_TYPES = { "text/plain", "text/plain;charset=UTF-8", "application/xml",
			"application/octet-stream", "*/*", "application/*", "garbage", "text/html;;",
			"application/json; charset=bogus", "multipart/mixed; boundary=x", "application/x-www-form-urlencoded-extra",
			"image/png" };

	private static final String[] OTHER_METHODS = { "GET", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD" };

	private static final String[] BAD_QUERIES = { "?%ZZ", "?a=%", "?_csrf=%C0%AF", "?a=%0A&b=%", "?=x",
			"?socket_id=%2" };

	private final Random random;

	HostileRequests(long seed) {
		this.random = new Random(seed);
	}

	/**
	 * The next request.
	 * @param path the endpoint's path
	 * @param signedIn whether the caller sends credentials
	 */
	Request next(String path, boolean signedIn) {
		boolean channel = path.equals("/pusher/auth");
		int csrf = this.random.nextInt(10);
		boolean csrfHeader = csrf < 7;
		boolean csrfParameter = csrf >= 7 && csrf < 9;
		String method = (this.random.nextInt(100) < 90) ? "POST" : pick(OTHER_METHODS);
		String query = query();
		boolean raw = query.length() > 0 && isBadQuery(query);
		boolean chunked = !raw && this.random.nextInt(10) == 0;
		int kind = this.random.nextInt(100);
		String contentType;
		byte[] body;
		if (kind < 55) {
			contentType = formType();
			body = form(channel, csrfParameter);
		}
		else if (kind < 75) {
			contentType = pick(new String[] { "application/json", "application/json;charset=UTF-8", "APPLICATION/JSON",
					"application/vnd.api+json" });
			body = json(channel);
		}
		else if (kind < 83) {
			contentType = (this.random.nextInt(4) == 0) ? "multipart/form-data" : "multipart/form-data; boundary=zz";
			body = multipart(channel);
		}
		else if (kind < 93) {
			contentType = pick(OTHER_TYPES);
			body = (this.random.nextBoolean()) ? form(channel, csrfParameter) : randomBytes(this.random.nextInt(64));
		}
		else {
			contentType = null;
			body = (this.random.nextBoolean()) ? new byte[0] : form(channel, csrfParameter);
		}
		if (this.random.nextInt(100) < 4) {
			body = oversized(body);
		}
		if (method.equals("HEAD") || (method.equals("GET") && this.random.nextBoolean())) {
			body = new byte[0];
		}
		return new Request(method, path + query, contentType, body, signedIn, csrfHeader, chunked, raw);
	}

	private String query() {
		int roll = this.random.nextInt(100);
		if (roll < 85) {
			return "";
		}
		if (roll < 90) {
			return "?tag=x";
		}
		if (roll < 94) {
			return "?socket_id=1.2&channel_name=private-open-q";
		}
		return pick(BAD_QUERIES);
	}

	private static boolean isBadQuery(String query) {
		for (String bad : BAD_QUERIES) {
			if (bad.equals(query)) {
				return true;
			}
		}
		return false;
	}

	private String formType() {
		return pick(new String[] { FORM, FORM, FORM, "application/x-www-form-urlencoded; charset=UTF-8",
				"application/x-www-form-urlencoded; charset=ISO-8859-1", "Application/X-WWW-Form-Urlencoded" });
	}

	private byte[] form(boolean channel, boolean csrfParameter) {
		List<String> pairs = new ArrayList<>();
		String socketId = socketId();
		if (this.random.nextInt(20) > 0) {
			pairs.add("socket_id=" + socketId);
		}
		String channelName = channelName();
		if (channel ? this.random.nextInt(20) > 0 : this.random.nextInt(5) == 0) {
			pairs.add("channel_name=" + channelName);
		}
		if (this.random.nextInt(8) == 0) {
			pairs.add("socket_id=" + (this.random.nextBoolean() ? socketId : socketId()));
		}
		if (this.random.nextInt(8) == 0) {
			pairs.add("channel_name=" + (this.random.nextBoolean() ? channelName : channelName()));
		}
		if (this.random.nextInt(6) == 0) {
			pairs.add(pick(new String[] { "foo=bar", "=x", "=" + CANARY, "", "flag", "a=" + CANARY, "%ZZ=1",
					"tag=a&tag=b", CANARY + "=%C0%AF" }));
		}
		if (csrfParameter) {
			pairs.add("_csrf=" + (this.random.nextInt(5) > 0 ? AuthHttp.CSRF_TOKEN : CANARY));
		}
		if (this.random.nextInt(5) == 0) {
			Collections.shuffle(pairs, this.random);
		}
		String body = String.join("&", pairs);
		if (this.random.nextInt(4) == 0) {
			body = insert(body, pick(INSERTIONS));
		}
		if (this.random.nextInt(30) == 0) {
			body = body.substring(0, this.random.nextInt(body.length() + 1));
		}
		return body.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A socket id on the wire: valid and URL-encoded, or hostile as it is. */
	private String socketId() {
		if (this.random.nextInt(10) < 7) {
			return this.random.nextInt(100_000) + "." + this.random.nextInt(100_000);
		}
		return latin1(pick(HOSTILE_SOCKET_IDS));
	}

	/** A channel name on the wire: valid and URL-encoded, or hostile as it is. */
	private String channelName() {
		if (this.random.nextInt(10) < 7) {
			String name = pick(new String[] { "private-open-" + this.random.nextInt(50), "private-user-ada",
					"private-user-bob", "presence-room-" + this.random.nextInt(9), "private-encrypted-x",
					"private-nomatch-1", "public-x", "private-a,b;c=d@e" });
			return URLEncoder.encode(name, StandardCharsets.UTF_8);
		}
		return latin1(pick(HOSTILE_CHANNELS));
	}

	private byte[] json(boolean channel) {
		String socketId = jsonString(this.random.nextInt(10) < 7
				? this.random.nextInt(100_000) + "." + this.random.nextInt(100_000) : pick(new String[] { "1.2\\u0000",
						"\\ud800", "1.2\\n", CANARY, "", "1.2\\r\\nERROR forged", "\\u00ff" }));
		String channelName = jsonString(this.random.nextInt(10) < 7 ? "private-open-" + this.random.nextInt(50) : pick(
				new String[] { "private-\\udc00", "private-\\u0000", CANARY, "private-a b", "#server-to-user-1" }));
		String fields = "\"socket_id\": " + socketId + (channel ? ", \"channel_name\": " + channelName : "");
		String text = switch (this.random.nextInt(16)) {
			case 0 -> "[" + socketId + "]";
			case 1 -> "1.2";
			case 2 -> socketId;
			case 3 -> "null";
			case 4 -> "[".repeat(3000) + "]".repeat(3000);
			case 5 -> "{\"socket_id\": 1.2, \"channel_name\": [\"private-open-1\"]}";
			case 6 -> "{" + fields + ", \"socket_id\": \"3.4\"}";
			case 7 -> "{" + fields;
			case 8 -> "{" + fields + "} " + CANARY;
			case 9 -> "";
			case 10 -> "{" + fields + ", \"" + CANARY + "\": {\"a\": [true, null, 1e999]}}";
			default -> "{" + fields + "}";
		};
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (this.random.nextInt(8) == 0) {
			bytes = insert(text, pick(new String[] { "\u00c0\u00af", "\u00ff", "\0", "\r\n" }))
				.getBytes(StandardCharsets.ISO_8859_1);
		}
		return bytes;
	}

	private String jsonString(String escaped) {
		return (this.random.nextInt(12) == 0) ? "7" : "\"" + escaped + "\"";
	}

	private byte[] multipart(boolean channel) {
		String part = "--zz\r\nContent-Disposition: form-data; name=\"socket_id\"\r\n\r\n" + socketId() + "\r\n";
		if (channel) {
			part += "--zz\r\nContent-Disposition: form-data; name=\"channel_name\"\r\n\r\n" + channelName() + "\r\n";
		}
		String text = switch (this.random.nextInt(4)) {
			case 0 -> part + "--zz--\r\n";
			case 1 -> part;
			case 2 -> part.substring(0, this.random.nextInt(part.length()));
			default -> "--other\r\n" + part + CANARY;
		};
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private byte[] oversized(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(body);
		out.writeBytes("&pad=".getBytes(StandardCharsets.US_ASCII));
		int size = AuthRequestDecoder.MAX_BODY_BYTES + 1 + this.random.nextInt(4000);
		while (out.size() < size) {
			out.write('a' + this.random.nextInt(26));
		}
		return out.toByteArray();
	}

	private byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		this.random.nextBytes(bytes);
		return bytes;
	}

	private String insert(String text, String insertion) {
		int at = this.random.nextInt(text.length() + 1);
		return text.substring(0, at) + latin1(insertion) + text.substring(at);
	}

	/**
	 * Non-ASCII text as its UTF-8 bytes, one char per byte, for a body written as
	 * ISO-8859-1.
	 */
	private static String latin1(String text) {
		boolean ascii = text.chars().allMatch((c) -> c < 0x80);
		if (ascii || text.chars().allMatch((c) -> c < 0x100)) {
			return text;
		}
		return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	private <T> T pick(T[] choices) {
		return choices[this.random.nextInt(choices.length)];
	}

	/**
	 * One request.
	 *
	 * @param method the method
	 * @param pathAndQuery the path and query string
	 * @param contentType the {@code Content-Type}, {@code null} for none
	 * @param body the body
	 * @param signedIn whether the caller sends credentials
	 * @param csrfHeader whether the CSRF token goes in a header
	 * @param chunked whether the body goes without a {@code Content-Length}
	 * @param raw whether it must go over a plain socket (a query string {@code URI}
	 * refuses)
	 */
	record Request(String method, String pathAndQuery, @Nullable String contentType, byte[] body, boolean signedIn,
			boolean csrfHeader, boolean chunked, boolean raw) {

	}

}
