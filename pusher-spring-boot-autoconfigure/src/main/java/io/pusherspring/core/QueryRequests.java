package io.pusherspring.core;

import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The requests of the template's queries and commands, checked before anything is sent:
 * {@code GET /channels/{name}}, {@code GET /channels}, {@code GET /channels/{name}/users}
 * and {@code POST /users/{id}/terminate_connections}.
 */
final class QueryRequests {

	private QueryRequests() {
	}

	static PusherRequest channel(String channel, String @Nullable [] info) {
		ChannelNames.validate(channel);
		Set<String> attributes = InfoAttributes.validate(info, InfoAttributes.COUNTS);
		if (attributes.contains(ChannelInfo.USER_COUNT) && !ChannelNames.isPresence(channel)) {
			throw InfoAttributes.presenceOnly(ChannelInfo.USER_COUNT, channel);
		}
		return PusherRequest.get(ApiPaths.channel(channel), InfoAttributes.query(attributes, Map.of()));
	}

	static PusherRequest channels(@Nullable String prefixFilter, String @Nullable [] info) {
		Set<String> attributes = InfoAttributes.validate(info, Set.of(ChannelInfo.USER_COUNT));
		boolean filtered = prefixFilter != null && !prefixFilter.isEmpty();
		if (filtered) {
			ChannelNames.validate(prefixFilter);
		}
		if (attributes.contains(ChannelInfo.USER_COUNT)
				&& !(filtered && prefixFilter.startsWith(ChannelNames.PRESENCE_PREFIX))) {
			throw new PusherValidationException("Info attribute 'user_count' is only available for presence channels: "
					+ "list channels with a prefix filter starting with 'presence-', not "
					+ (filtered ? ChannelNames.quote(prefixFilter) : "no filter"));
		}
		return PusherRequest.get(ApiPaths.CHANNELS,
				InfoAttributes.query(attributes, filtered ? Map.of("filter_by_prefix", prefixFilter) : Map.of()));
	}

	static PusherRequest users(String presenceChannel) {
		ChannelNames.validate(presenceChannel);
		if (!ChannelNames.isPresence(presenceChannel)) {
			throw new PusherValidationException("Only presence channels have users: "
					+ ChannelNames.quote(presenceChannel) + " does not start with 'presence-'");
		}
		return PusherRequest.get(ApiPaths.channelUsers(presenceChannel), Map.of());
	}

	static PusherRequest terminateConnections(String userId) {
		ChannelNames.validateUserId(userId);
		return PusherRequest.post(ApiPaths.terminateConnections(userId), "{}");
	}

}
