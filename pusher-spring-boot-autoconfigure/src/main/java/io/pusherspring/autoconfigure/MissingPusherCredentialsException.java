package io.pusherspring.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Thrown at start-up when {@code pusher.app-id}, {@code pusher.key} or
 * {@code pusher.secret} has no value, or a value that still contains an unresolved
 * {@code ${...}} placeholder (such as {@code ${PUSHER_SECRET}} with that environment
 * variable unset).
 */
class MissingPusherCredentialsException extends IllegalStateException {

	private final List<String> properties;

	private final Map<String, List<String>> unresolvedPlaceholders;

	MissingPusherCredentialsException(List<String> properties) {
		this(properties, Map.of());
	}

	/**
	 * @param properties every credential property that has no usable value
	 * @param unresolvedPlaceholders for those among them whose value is an unresolved
	 * placeholder, the names inside it
	 */
	MissingPusherCredentialsException(List<String> properties, Map<String, List<String>> unresolvedPlaceholders) {
		super(message(properties, unresolvedPlaceholders));
		this.properties = List.copyOf(properties);
		this.unresolvedPlaceholders = new LinkedHashMap<>(unresolvedPlaceholders);
	}

	List<String> getProperties() {
		return this.properties;
	}

	/**
	 * The names inside the unresolved placeholders of a property's value.
	 * @param property the property
	 * @return the names, empty if the property has no value at all
	 */
	List<String> getUnresolvedPlaceholders(String property) {
		return this.unresolvedPlaceholders.getOrDefault(property, List.of());
	}

	private static String message(List<String> properties, Map<String, List<String>> unresolvedPlaceholders) {
		String described = properties.stream().map((property) -> {
			List<String> names = unresolvedPlaceholders.getOrDefault(property, List.of());
			return names.isEmpty() ? property : property + " (unresolved placeholder " + placeholders(names) + ")";
		}).collect(Collectors.joining(", "));
		return "Pusher credentials are not configured: " + described + " must be set";
	}

	static String placeholders(List<String> names) {
		return names.stream().map((name) -> "${" + name + "}").collect(Collectors.joining(", "));
	}

}
