package io.pusherspring.auth;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pusherspring.auth.AuthRequestDecoder.MalformedBodyException;

/**
 * A strict {@code application/x-www-form-urlencoded} decoder: pairs split on {@code &}
 * (empty ones skipped), names from values on the first {@code =}, {@code +} for a space,
 * and {@code %} followed by two hexadecimal digits for a byte; the bytes of each name and
 * value must be UTF-8. Where browsers are lenient (a stray {@code %}, bytes that are not
 * UTF-8), this refuses.
 */
final class UrlEncodedForm {

	private UrlEncodedForm() {
	}

	/**
	 * Decode a form body.
	 * @param body the body
	 * @return each name with its values, in the order they come
	 * @throws MalformedBodyException naming the broken rule, never the content
	 */
	static Map<String, List<String>> decode(byte[] body) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		int start = 0;
		while (start <= body.length) {
			int end = indexOf(body, (byte) '&', start, body.length);
			if (end > start) {
				int equals = indexOf(body, (byte) '=', start, end);
				String name = component(body, start, equals, buffer);
				if (name.isEmpty()) {
					throw new MalformedBodyException("Malformed form body: a parameter has an empty name");
				}
				String value = (equals < end) ? component(body, equals + 1, end, buffer) : "";
				parameters.computeIfAbsent(name, (key) -> new ArrayList<>(1)).add(value);
			}
			start = end + 1;
		}
		parameters.replaceAll((name, values) -> Collections.unmodifiableList(values));
		return Collections.unmodifiableMap(parameters);
	}

	private static int indexOf(byte[] body, byte wanted, int from, int to) {
		for (int i = from; i < to; i++) {
			if (body[i] == wanted) {
				return i;
			}
		}
		return to;
	}

	private static String component(byte[] body, int from, int to, ByteArrayOutputStream buffer) {
		buffer.reset();
		for (int i = from; i < to; i++) {
			byte b = body[i];
			if (b == '+') {
				buffer.write(' ');
			}
			else if (b == '%') {
				int high = (i + 2 < to) ? Character.digit(body[i + 1], 16) : -1;
				int low = (high >= 0) ? Character.digit(body[i + 2], 16) : -1;
				if (low < 0) {
					throw new MalformedBodyException("Malformed form body: invalid percent-encoding");
				}
				buffer.write((high << 4) | low);
				i += 2;
			}
			else {
				buffer.write(b);
			}
		}
		return AuthRequestDecoder.utf8(buffer.toByteArray(), "Malformed form body: not valid UTF-8");
	}

}
