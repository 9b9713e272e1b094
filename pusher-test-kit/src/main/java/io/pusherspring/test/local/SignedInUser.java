package io.pusherspring.test.local;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pusherspring.core.PusherLimits;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Who a {@code pusher:signin} signs in as, read from its verified {@code user_data}: the
 * user id and the users they watch. Pusher keeps the first
 * {@value PusherLimits#MAX_WATCHLIST_SIZE} distinct ids of a longer watchlist.
 *
 * @param id the user id
 * @param watchlist the distinct user ids watched, at most
 * {@value PusherLimits#MAX_WATCHLIST_SIZE}, in the order given
 * @param watchlistTruncated whether the watchlist had more distinct ids, which were
 * dropped
 */
record SignedInUser(String id, List<String> watchlist, boolean watchlistTruncated) {

	/**
	 * Read the user of a sign-in.
	 * @param userData the JSON the application signed
	 * @param withWatchlist whether to read the watchlist too
	 * @return the user
	 * @throws IllegalArgumentException with the reason to refuse the sign-in
	 */
	static SignedInUser of(String userData, boolean withWatchlist) {
		JsonNode user = parse(userData);
		JsonNode id = (user != null) ? user.get("id") : null;
		if (id == null || !isUserId(id)) {
			throw new IllegalArgumentException("user_data must be a JSON object with a non-empty string id of at most "
					+ PusherLimits.MAX_USER_ID_LENGTH + " characters");
		}
		JsonNode watchlist = user.get("watchlist");
		if (!withWatchlist || watchlist == null || watchlist.isNull()) {
			return new SignedInUser(id.stringValue(), List.of(), false);
		}
		if (!watchlist.isArray() || !watchlist.valueStream().allMatch(SignedInUser::isUserId)) {
			throw new IllegalArgumentException("user_data's watchlist must be an array of user ids, strings of 1 to "
					+ PusherLimits.MAX_USER_ID_LENGTH + " characters");
		}
		Set<String> distinct = new LinkedHashSet<>();
		watchlist.valueStream().forEach((watched) -> distinct.add(watched.stringValue()));
		List<String> kept = new ArrayList<>(distinct).subList(0,
				Math.min(distinct.size(), PusherLimits.MAX_WATCHLIST_SIZE));
		return new SignedInUser(id.stringValue(), List.copyOf(kept), distinct.size() > kept.size());
	}

	private static @Nullable JsonNode parse(String userData) {
		try {
			JsonNode user = ProtocolFrames.json.readTree(userData);
			return (user != null && user.isObject()) ? user : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean isUserId(JsonNode node) {
		return node.isString() && !node.stringValue().isEmpty()
				&& node.stringValue().length() <= PusherLimits.MAX_USER_ID_LENGTH;
	}

}
