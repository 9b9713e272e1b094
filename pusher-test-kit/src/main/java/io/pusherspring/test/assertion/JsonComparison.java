package io.pusherspring.test.assertion;

import java.util.Iterator;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares event data as JSON: key order and number formatting ({@code 1} and
 * {@code 1.0}) do not matter. Data that is not JSON is compared as text. Internal to the
 * test kit: public only so that its packages share it.
 */
public final class JsonComparison {

	private JsonComparison() {
	}

	/**
	 * The JSON text an expected value stands for.
	 * @param expected a String of JSON text, or an object to serialize
	 * @param jsonMapper the mapper that serializes objects
	 * @return the JSON text
	 */
	public static String toJson(Object expected, JsonMapper jsonMapper) {
		return (expected instanceof String text) ? text : jsonMapper.writeValueAsString(expected);
	}

	/**
	 * Whether recorded data and expected JSON text are equivalent.
	 * @param actual the data as sent
	 * @param expected the expected JSON text
	 * @return {@code true} if they are the same JSON value, or the same text
	 */
	public static boolean equivalent(String actual, String expected) {
		JsonNode actualNode = parse(actual);
		JsonNode expectedNode = parse(expected);
		if (actualNode == null || expectedNode == null) {
			return actual.equals(expected);
		}
		return equivalent(actualNode, expectedNode);
	}

	/**
	 * Read JSON text, if it is JSON.
	 * @param text the text
	 * @return the JSON value, or {@code null} if the text is not JSON
	 */
	public static @Nullable JsonNode parse(String text) {
		try {
			return JsonMapper.shared().readTree(text);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean equivalent(JsonNode actual, JsonNode expected) {
		if (actual.isNumber() && expected.isNumber()) {
			return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
		}
		if (actual.isObject() && expected.isObject()) {
			if (actual.size() != expected.size()) {
				return false;
			}
			for (Map.Entry<String, JsonNode> property : expected.properties()) {
				JsonNode value = actual.get(property.getKey());
				if (value == null || !equivalent(value, property.getValue())) {
					return false;
				}
			}
			return true;
		}
		if (actual.isArray() && expected.isArray()) {
			if (actual.size() != expected.size()) {
				return false;
			}
			Iterator<JsonNode> actualValues = actual.values().iterator();
			for (JsonNode expectedValue : expected.values()) {
				if (!equivalent(actualValues.next(), expectedValue)) {
					return false;
				}
			}
			return true;
		}
		return actual.equals(expected);
	}

}
