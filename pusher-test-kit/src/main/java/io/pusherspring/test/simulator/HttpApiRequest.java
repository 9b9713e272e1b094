package io.pusherspring.test.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One request to the Pusher HTTP API, decoded as Pusher decodes it. Internal to the test
 * kit: public only so that its packages share it.
 *
 * @param method the HTTP method
 * @param path the path, decoded ({@code +} stays a plus sign), or as received if its
 * encoding is malformed
 * @param query the decoded query parameters, the first value of each name
 * @param duplicateParameter the first name that appeared twice in the query, or
 * {@code null}
 * @param body the raw body, possibly empty
 * @param malformed whether the path or the query has malformed URL encoding
 */
public record HttpApiRequest(String method, String path, Map<String, String> query, @Nullable String duplicateParameter,
		byte[] body, boolean malformed) {

	/**
	 * A decoded request.
	 * @param method the HTTP method
	 * @param path the decoded path
	 * @param query the decoded query parameters
	 * @param duplicateParameter the first name that appeared twice, or {@code null}
	 * @param body the raw body
	 * @param malformed whether the path or the query has malformed URL encoding
	 */
	public HttpApiRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * Decode a request as it was received.
	 * @param method the HTTP method
	 * @param url the path and query, still URL-encoded
	 * @param body the raw body, possibly empty
	 * @return the decoded request
	 */
	public static HttpApiRequest decode(String method, String url, byte[] body) {
		int queryStart = url.indexOf('?');
		String rawPath = (queryStart != -1) ? url.substring(0, queryStart) : url;
		String rawQuery = (queryStart != -1) ? url.substring(queryStart + 1) : "";
		try {
			// '+' means a plus sign in a path, not a space
			String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
			Map<String, String> query = new LinkedHashMap<>();
			String duplicate = null;
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals != -1) ? pair.substring(0, equals) : pair,
						StandardCharsets.UTF_8);
				String value = (equals != -1) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)
						: "";
				if (query.putIfAbsent(name, value) != null && duplicate == null) {
					duplicate = name;
				}
			}
			return new HttpApiRequest(method, path, query, duplicate, body, false);
		}
		catch (IllegalArgumentException ex) {
			return new HttpApiRequest(method, rawPath, Map.of(), null, body, true);
		}
	}

	/**
	 * The body as text.
	 * @return the body decoded as UTF-8, empty if there is none
	 */
	public String text() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
