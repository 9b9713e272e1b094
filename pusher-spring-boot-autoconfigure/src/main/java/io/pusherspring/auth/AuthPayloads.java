package io.pusherspring.auth;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherValidationException;

/**
 * The JSON texts that are signed: a presence member's {@code channel_data} and a
 * signed-in user's {@code user_data}, each checked against Pusher's limits before it is
 * written, so that nothing Pusher would refuse is signed.
 */
final class AuthPayloads {

	private static final int MAX_USER_INFO_BYTES = (int) PusherLimits.MAX_USER_INFO_SIZE.toBytes();

	private static final JsonMapper json = JsonMapper.shared();

	private AuthPayloads() {
	}

	/**
	 * The {@code channel_data} of a presence member: the exact text that is signed.
	 * @throws IllegalArgumentException if the member breaks Pusher's limits
	 * @throws JacksonException if its user information cannot be written as JSON
	 */
	static String channelData(PresenceMember member) {
		if (member.userId().length() > PusherLimits.MAX_USER_ID_LENGTH) {
			throw new IllegalArgumentException("user id is " + member.userId().length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_USER_ID_LENGTH);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user_id", member.userId());
		if (!member.userInfo().isEmpty()) {
			String userInfo = json.writeValueAsString(member.userInfo());
			int bytes = userInfo.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_USER_INFO_BYTES) {
				throw new IllegalArgumentException(
						"user_info is " + bytes + " bytes of JSON; Pusher allows at most " + MAX_USER_INFO_BYTES);
			}
			// written once: the text measured is the text signed
			data.put("user_info", new RawValue(userInfo));
		}
		return json.writeValueAsString(data);
	}

	/**
	 * The {@code user_data} of a user who signs in: the exact text that is signed.
	 * @throws PusherValidationException if a user id breaks Pusher's rules
	 * @throws JacksonException if its user information cannot be written as JSON
	 */
	static String userData(PusherUser user) {
		ChannelNames.validateUserId(user.id());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", user.id());
		if (!user.userInfo().isEmpty()) {
			data.put("user_info", user.userInfo());
		}
		if (!user.watchlist().isEmpty()) {
			user.watchlist().forEach(ChannelNames::validateUserId);
			data.put("watchlist", user.watchlist());
		}
		return json.writeValueAsString(data);
	}

}
