package io.pusherspring.auth;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * The JSON body of an {@link AuthResponse}, the same on both web stacks: one object of
 * string fields, written directly, since a general serializer costs an auth request more
 * than its signature does.
 */
final class AuthResponseJson {

	private static final JsonStringEncoder encoder = JsonStringEncoder.getInstance();

	private AuthResponseJson() {
	}

	static byte[] write(AuthResponse response) {
		StringBuilder json = new StringBuilder(128).append('{');
		for (Map.Entry<String, String> field : response.body().entrySet()) {
			if (json.length() > 1) {
				json.append(',');
			}
			quote(field.getKey(), json).append(':');
			quote(field.getValue(), json);
		}
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	private static StringBuilder quote(String value, StringBuilder json) {
		json.append('"');
		encoder.quoteAsString(value, json);
		return json.append('"');
	}

}
