package io.pusherspring.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one {@link PusherTemplate} call is about, as its observation and its publish
 * listeners see it. The event names and channels of the observation are derived from the
 * messages, and only when the call is observed.
 *
 * @param name the operation, such as {@code trigger}
 * @param queried the channel a query names, if any
 * @param messages the messages published, none for queries
 */
record TemplateOperation(String name, List<String> queried, List<PusherMessage> messages) {

	static final String TRIGGER = "trigger";

	static final String TRIGGER_BATCH = "trigger_batch";

	static final String SEND_TO_USER = "send_to_user";

	static final String CHANNEL = "channel";

	static final String CHANNELS = "channels";

	static final String USERS = "users";

	static final String TERMINATE_USER_CONNECTIONS = "terminate_user_connections";

	static TemplateOperation publishing(String name, PusherMessage message) {
		return new TemplateOperation(name, List.of(), List.of(message));
	}

	static TemplateOperation batch(List<PusherMessage> messages) {
		return new TemplateOperation(TRIGGER_BATCH, List.of(), messages.stream().filter(Objects::nonNull).toList());
	}

	static TemplateOperation query(String name, @Nullable String channel) {
		return new TemplateOperation(name, (channel != null) ? List.of(channel) : List.of(), List.of());
	}

	/**
	 * The channels named, as the application passed them.
	 */
	List<String> channels() {
		if (this.messages.size() == 1) {
			return this.messages.get(0).channels();
		}
		if (this.messages.isEmpty()) {
			return this.queried;
		}
		List<String> channels = new ArrayList<>();
		this.messages.forEach((message) -> channels.addAll(message.channels()));
		return channels;
	}

	/**
	 * The distinct event names published, none for queries; a missing name stays, so that
	 * the observation can call it invalid.
	 */
	List<String> eventNames() {
		Set<String> names = new LinkedHashSet<>();
		this.messages.forEach((message) -> names.add(message.event()));
		return new ArrayList<>(names);
	}

}
