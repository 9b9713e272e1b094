package io.pusherspring.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A member of a presence channel, as other members see it: a user id and the user
 * information sent with it ({@code user_info}). Pusher allows user ids of at most 128
 * characters and user information of at most 1KB as JSON; an authorizer that returns a
 * larger member is denied.
 *
 * @param userId the user id, unique per user
 * @param userInfo information other members see, such as a name; written as JSON
 */
public record PresenceMember(String userId, Map<String, @Nullable Object> userInfo) {

	/**
	 * Create a member.
	 * @param userId the user id, not empty
	 * @param userInfo information other members see, kept in its order
	 */
	public PresenceMember {
		Assert.hasText(userId, "'userId' must not be empty");
		Assert.notNull(userInfo, "'userInfo' must not be null");
		userInfo = Collections.unmodifiableMap(new LinkedHashMap<>(userInfo));
	}

	/**
	 * A member with no user information.
	 * @param userId the user id
	 * @return the member
	 */
	public static PresenceMember of(String userId) {
		return new PresenceMember(userId, Map.of());
	}

	/**
	 * A member with user information.
	 * @param userId the user id
	 * @param userInfo information other members see
	 * @return the member
	 */
	public static PresenceMember of(String userId, Map<String, ? extends @Nullable Object> userInfo) {
		// a view that only widens the type: the constructor makes the one copy
		return new PresenceMember(userId, Collections.unmodifiableMap(userInfo));
	}

}
