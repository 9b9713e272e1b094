package io.pusherspring.core;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The {@code info} attributes a call may ask Pusher for: checked against the ones the
 * call allows, and written into a query.
 */
final class InfoAttributes {

	/** What a trigger and a channel query may ask for. */
	static final Set<String> COUNTS = Set.of(ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT);

	private InfoAttributes() {
	}

	/**
	 * Check the attributes a call asks for.
	 * @param info the attributes, possibly {@code null}
	 * @param allowed the attributes the call allows
	 * @return the distinct attributes, in the order given
	 * @throws PusherValidationException for an unknown attribute
	 */
	static Set<String> validate(String @Nullable [] info, Set<String> allowed) {
		Set<String> attributes = new LinkedHashSet<>();
		if (info != null) {
			for (String attribute : info) {
				if (attribute == null || !allowed.contains(attribute)) {
					throw new PusherValidationException(
							"Unknown info attribute " + ((attribute != null) ? ChannelNames.quote(attribute) : "null")
									+ "; use one of " + String.join(", ", allowed.stream().sorted().toList()));
				}
				attributes.add(attribute);
			}
		}
		return attributes;
	}

	static PusherValidationException presenceOnly(String attribute, String channel) {
		return new PusherValidationException("Info attribute '" + attribute + "' is only available for presence "
				+ "channels, and " + ChannelNames.quote(channel) + " does not start with 'presence-'");
	}

	/**
	 * A query with the attributes added as {@code info}.
	 */
	static Map<String, String> query(Set<String> attributes, Map<String, String> query) {
		if (attributes.isEmpty()) {
			return query;
		}
		Map<String, String> withInfo = new LinkedHashMap<>(query);
		withInfo.put("info", String.join(",", attributes));
		return withInfo;
	}

}
