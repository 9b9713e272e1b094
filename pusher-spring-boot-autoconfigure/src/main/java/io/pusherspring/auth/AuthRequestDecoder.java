package io.pusherspring.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;

import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

/**
 * Decodes the body of a request to an auth endpoint, strictly, from its
 * {@code Content-Type} and its bytes; it knows no web stack, so that every stack answers
 * the same.
 * <ul>
 * <li>{@code application/x-www-form-urlencoded} (what pusher-js and pusher-java-client
 * send): bad percent-encoding, bytes that are not UTF-8, a parameter with an empty name,
 * and a {@code socket_id} or {@code channel_name} repeated with different values are
 * refused with 400.</li>
 * <li>JSON ({@code application/json} or any {@code +json} type): a body that is not
 * UTF-8, not one JSON object, or that repeats a key, and fields that are not strings are
 * refused with 400.</li>
 * <li>No {@code Content-Type}: an empty body has no fields; any other body is refused
 * with 415.</li>
 * <li>Any other type, multipart included, is refused with 415 before its body is
 * read.</li>
 * <li>A body over {@link #MAX_BODY_BYTES} is refused with 413.</li>
 * </ul>
 * A {@code charset} parameter is ignored: bodies are UTF-8, as Spring Boot decodes
 * requests by default, and the fields Pusher's clients send are ASCII in any charset.
 * Refusals carry fixed texts that never quote the request.
 */
final class AuthRequestDecoder {

	/**
	 * Far more than the fields need: a channel name is at most
	 * {@link io.pusherspring.core.PusherLimits#MAX_CHANNEL_NAME_LENGTH} characters.
	 */
	static final int MAX_BODY_BYTES = 8 * 1024;

	static final String SOCKET_ID = "socket_id";

	static final String CHANNEL_NAME = "channel_name";

	private static final Refusal TOO_LARGE = new Refusal(413, "Request body over " + MAX_BODY_BYTES + " bytes");

	private static final Refusal UNSUPPORTED_TYPE = new Refusal(415,
			"Unsupported Content-Type: send application/x-www-form-urlencoded or application/json");

	private static final Refusal MISSING_TYPE = new Refusal(415,
			"Missing Content-Type: send application/x-www-form-urlencoded or application/json");

	private static final JsonMapper json = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private AuthRequestDecoder() {
	}

	/**
	 * Check the {@code Content-Type} alone, before the body is read.
	 * @param contentType the header, {@code null} if absent
	 * @return the 415 refusal, or {@code null} if the body may be read
	 */
	static @Nullable Refusal checkContentType(@Nullable String contentType) {
		return (contentType == null || format(contentType) != null) ? null : UNSUPPORTED_TYPE;
	}

	/**
	 * The refusal of a body over {@link #MAX_BODY_BYTES}, for a caller that knows before
	 * reading it.
	 * @return the 413 refusal
	 */
	static Refusal tooLarge() {
		return TOO_LARGE;
	}

	/**
	 * Decode a request body.
	 * @param contentType the {@code Content-Type} header, {@code null} if absent
	 * @param body the body, read up to {@link #MAX_BODY_BYTES} and one byte more, so that
	 * a longer body is refused
	 * @return the fields, or the refusal
	 */
	static AuthRequestDecoding decode(@Nullable String contentType, byte[] body) {
		Format format = (contentType != null) ? format(contentType) : Format.NONE;
		if (format == null) {
			return UNSUPPORTED_TYPE;
		}
		if (body.length > MAX_BODY_BYTES) {
			return TOO_LARGE;
		}
		try {
			return switch (format) {
				case FORM -> form(UrlEncodedForm.decode(body));
				case JSON -> json(body);
				case NONE -> (body.length == 0) ? new Fields(null, null, Map.of()) : MISSING_TYPE;
			};
		}
		catch (MalformedBodyException ex) {
			return new Refusal(400, ex.getMessage());
		}
	}

	private static @Nullable Format format(String contentType) {
		MimeType type;
		try {
			type = MimeTypeUtils.parseMimeType(contentType);
		}
		catch (IllegalArgumentException ex) {
			// InvalidMimeTypeException, and unknown charsets
			return null;
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			return null;
		}
		if (type.getType().equals("application") && type.getSubtype().equals("x-www-form-urlencoded")) {
			return Format.FORM;
		}
		if ((type.getType().equals("application") && type.getSubtype().equals("json"))
				|| type.getSubtype().endsWith("+json")) {
			return Format.JSON;
		}
		return null;
	}

	private static Fields form(Map<String, List<String>> parameters) {
		return new Fields(single(parameters, SOCKET_ID), single(parameters, CHANNEL_NAME), parameters);
	}

	private static @Nullable String single(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		if (values == null) {
			return null;
		}
		String first = values.get(0);
		for (String value : values) {
			if (!value.equals(first)) {
				throw new MalformedBodyException(
						"Malformed form body: '" + name + "' is repeated with different values");
			}
		}
		return first;
	}

	private static Fields json(byte[] body) {
		String text = utf8(body, "Request body is not valid UTF-8");
		JsonNode node;
		try {
			node = json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new MalformedBodyException("Request body is not valid JSON");
		}
		if (node == null || !node.isObject()) {
			throw new MalformedBodyException("Request body must be a JSON object");
		}
		return new Fields(string(node, SOCKET_ID), string(node, CHANNEL_NAME), Map.of());
	}

	private static @Nullable String string(JsonNode body, String name) {
		JsonNode value = body.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new MalformedBodyException("'" + name + "' must be a string");
		}
		String text = value.stringValue();
		if (!isWellFormed(text)) {
			throw new MalformedBodyException("'" + name + "' is not valid Unicode");
		}
		return text;
	}

	/**
	 * Decode UTF-8, refusing what is not (overlong forms, surrogates, truncated
	 * sequences) instead of replacing it.
	 */
	static String utf8(byte[] bytes, String refusal) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MalformedBodyException(refusal);
		}
	}

	/**
	 * Whether every surrogate in the text is half of a pair: JSON's {@code \\u} escapes
	 * can write lone ones.
	 */
	private static boolean isWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private enum Format {

		FORM, JSON, NONE

	}

	/**
	 * A body that cannot be decoded; its message is a fixed text.
	 */
	static final class MalformedBodyException extends RuntimeException {

		MalformedBodyException(String message) {
			super(message, null, false, false);
		}

	}

}
