package io.pusherspring.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The user a connection signs in as ({@code pusher.signin()}), sent to Pusher as
 * {@code user_data}. The id names the user's connections for
 * {@code PusherOperations.sendToUser} and {@code terminateUserConnections}, so it follows
 * Pusher's user id rules: 1 to 128 characters of {@code A-Z a-z 0-9 _ - = @ , . ;}.
 *
 * @param id the user id
 * @param userInfo information about the user, written as JSON ({@code user_info}); left
 * out when empty
 * @param watchlist ids of users whose online status this user follows
 * ({@code watchlist}); left out when empty
 */
public record PusherUser(String id, Map<String, @Nullable Object> userInfo, List<String> watchlist) {

	/**
	 * Create a user.
	 * @param id the user id, not empty
	 * @param userInfo information about the user
	 * @param watchlist ids of watched users
	 */
	public PusherUser {
		Assert.hasText(id, "'id' must not be empty");
		Assert.notNull(userInfo, "'userInfo' must not be null");
		Assert.notNull(watchlist, "'watchlist' must not be null");
		userInfo = Collections.unmodifiableMap(new LinkedHashMap<>(userInfo));
		watchlist = List.copyOf(watchlist);
	}

	/**
	 * A user known only by id.
	 * @param id the user id
	 * @return the user
	 */
	public static PusherUser of(String id) {
		return new PusherUser(id, Map.of(), List.of());
	}

	/**
	 * A user with information about them.
	 * @param id the user id
	 * @param userInfo information about the user
	 * @return the user
	 */
	public static PusherUser of(String id, Map<String, ? extends @Nullable Object> userInfo) {
		// a view that only widens the type: the constructor makes the one copy
		return new PusherUser(id, Collections.unmodifiableMap(userInfo), List.of());
	}

}
