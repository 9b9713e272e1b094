package io.pusherspring.test.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

/**
 * Pusher's watchlist events, while the app has them enabled (a setting of Pusher's
 * dashboard, off by default). A connection that signs in with a watchlist (user ids in
 * its {@code user_data}) is told at once which of those users are offline and which are
 * online, then each time one of them comes online or goes offline, in
 * {@code pusher_internal:watchlist_events}. A user is online while at least one of their
 * connections is signed in. Not thread-safe: {@link LocalChannels} calls it under its
 * lock, so that the online users and the watchers change together.
 */
final class Watchlists {

	static final String ONLINE = "online";

	static final String OFFLINE = "offline";

	private final Map<ClientConnection, List<String>> watchlists = new HashMap<>();

	private final Map<String, Set<ClientConnection>> watchers = new HashMap<>();

	private volatile boolean enabled;

	void enabled(boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * A connection signed in with a watchlist, replacing the one it signed in with
	 * before.
	 * @param online whether a user is online
	 * @return the frame that tells the connection who is offline and who is online, or
	 * {@code null} if it watches nobody
	 */
	@Nullable String watch(ClientConnection connection, List<String> watchlist, Predicate<String> online) {
		unwatch(connection);
		if (!this.enabled || watchlist.isEmpty()) {
			return null;
		}
		this.watchlists.put(connection, watchlist);
		List<String> offline = new ArrayList<>();
		List<String> onlineNow = new ArrayList<>();
		for (String userId : watchlist) {
			this.watchers.computeIfAbsent(userId, (id) -> new LinkedHashSet<>()).add(connection);
			(online.test(userId) ? onlineNow : offline).add(userId);
		}
		Map<String, List<String>> events = new LinkedHashMap<>();
		if (!offline.isEmpty()) {
			events.put(OFFLINE, offline);
		}
		if (!onlineNow.isEmpty()) {
			events.put(ONLINE, onlineNow);
		}
		return ProtocolFrames.watchlistEvents(events);
	}

	/**
	 * A connection closed, or signed in again: it watches nobody any more.
	 */
	void unwatch(ClientConnection connection) {
		List<String> watched = this.watchlists.remove(connection);
		if (watched == null) {
			return;
		}
		for (String userId : watched) {
			Set<ClientConnection> remaining = this.watchers.get(userId);
			if (remaining != null && remaining.remove(connection) && remaining.isEmpty()) {
				this.watchers.remove(userId);
			}
		}
	}

	/**
	 * Tell the connections that watch a user that the user came online or went offline.
	 * @param event {@link #ONLINE} or {@link #OFFLINE}
	 * @param told a connection already told, or {@code null}
	 * @return how many connections were told
	 */
	int announce(String userId, String event, @Nullable ClientConnection told) {
		Set<ClientConnection> watching = this.watchers.get(userId);
		if (!this.enabled || watching == null) {
			return 0;
		}
		ClientConnection[] targets = watching.stream()
			.filter((connection) -> connection != told)
			.toArray(ClientConnection[]::new);
		return FrameDelivery.deliver(ProtocolFrames.watchlistEvents(Map.of(event, List.of(userId))), targets, null);
	}

}
