package io.pusherspring.test.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.test.RecordedEvent;
import io.pusherspring.test.simulator.ChannelBackend;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.pusherspring.test.local.FrameDelivery.deliver;

/**
 * The channels of a {@code LocalPusherServer}: who is subscribed to what, the members of
 * presence channels, the signed-in users and what they watch, and the last event of each
 * cache channel. It delivers what the HTTP API accepts and what clients send, and reports
 * changes as webhooks, watchlist events and subscription counts. Subscriptions and
 * sign-ins change under one lock, so member lists, webhooks and online statuses stay in
 * order; delivery reads a snapshot of the subscribers without locking.
 */
final class LocalChannels implements ChannelBackend {

	private static final Log logger = LogFactory.getLog(ProtocolServer.LOGGER);

	private static final ClientConnection[] NONE = FrameDelivery.NONE;

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private final Map<String, ClientConnection[]> users = new ConcurrentHashMap<>();

	private final Map<String, String> cachedEvents = new ConcurrentHashMap<>();

	private final Set<ClientConnection> connections = ConcurrentHashMap.newKeySet();

	private final LocalWebhooks webhooks;

	private final Watchlists watchlists = new Watchlists();

	private final SubscriptionCounts subscriptionCounts = new SubscriptionCounts(this::subscriptionCount,
			this::publishSubscriptionCount, System::nanoTime);

	LocalChannels(LocalWebhooks webhooks) {
		this.webhooks = webhooks;
	}

	/** Publish throttled subscription counts on one event loop of the server. */
	void start(EventLoop loop) {
		this.subscriptionCounts.start(SubscriptionCounts.Scheduler.on(loop));
	}

	void watchlistEvents(boolean enabled) {
		this.watchlists.enabled(enabled);
	}

	boolean watchlistEvents() {
		return this.watchlists.enabled();
	}

	void subscriptionCounting(boolean enabled) {
		this.subscriptionCounts.enabled(enabled);
	}

	@Override
	public boolean countsSubscriptions() {
		return this.subscriptionCounts.enabled();
	}

	void connected(ClientConnection connection) {
		this.connections.add(connection);
	}

	int connectionCount() {
		return this.connections.size();
	}

	/**
	 * Forget a closed connection: leave its channels and sign it out.
	 */
	synchronized void disconnected(ClientConnection connection) {
		if (!this.connections.remove(connection)) {
			return;
		}
		for (String channel : List.copyOf(connection.subscriptions())) {
			unsubscribe(connection, channel);
		}
		String userId = connection.userId();
		if (userId != null) {
			this.users.computeIfPresent(userId, (id, signedIn) -> {
				ClientConnection[] rest = without(signedIn, connection);
				return (rest.length > 0) ? rest : null;
			});
			this.watchlists.unwatch(connection);
			if (!this.users.containsKey(userId)) {
				announce(userId, Watchlists.OFFLINE, null);
			}
		}
	}

	/**
	 * Subscribe a connection whose authorization was verified, answer it, and tell the
	 * other members of a presence channel.
	 * @param member the member, on presence channels only
	 */
	synchronized void subscribe(ClientConnection connection, String channel, @Nullable Member member) {
		Room room = this.rooms.computeIfAbsent(channel, Room::new);
		if (room.contains(connection)) {
			// a repeated pusher:subscribe: answer again, change nothing
			connection.send(succeeded(room));
			return;
		}
		if (member != null && !room.members.containsKey(member.userId())
				&& room.members.size() >= PusherLimits.MAX_PRESENCE_MEMBERS) {
			if (room.subscribers.length == 0) {
				this.rooms.remove(channel);
			}
			connection.send(ProtocolFrames.subscriptionError(channel, "LimitReached",
					"Presence channels have at most " + PusherLimits.MAX_PRESENCE_MEMBERS + " members", 400));
			return;
		}
		room.add(connection);
		connection.subscriptions().add(channel);
		if (room.subscribers.length == 1) {
			this.webhooks.channelOccupied(channel);
		}
		if (member != null) {
			room.memberships.put(connection, member.userId());
			boolean joined = room.connectionsOf.merge(member.userId(), 1, Integer::sum) == 1;
			if (joined) {
				room.members.put(member.userId(), member.userInfo());
				sendToOthers(room, connection, ProtocolFrames.memberAdded(channel, member.userId(), member.userInfo()));
				this.webhooks.memberAdded(channel, member.userId());
			}
		}
		connection.send(succeeded(room));
		if (ChannelNames.isCache(channel)) {
			String cached = this.cachedEvents.get(channel);
			connection.send((cached != null) ? cached : ProtocolFrames.cacheMiss(channel));
			if (cached == null) {
				this.webhooks.cacheMiss(channel);
			}
		}
		this.subscriptionCounts.changed(channel);
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + connection.socketId() + " subscribed to " + channel
					+ ((member != null) ? " as user " + member.userId() : "") + " (" + room.subscribers.length
					+ " subscriber(s))");
		}
	}

	/**
	 * Unsubscribe a connection, and tell the others if a presence member left.
	 * @return whether it was subscribed
	 */
	synchronized boolean unsubscribe(ClientConnection connection, String channel) {
		connection.subscriptions().remove(channel);
		Room room = this.rooms.get(channel);
		if (room == null || !room.remove(connection)) {
			return false;
		}
		String userId = room.memberships.remove(connection);
		if (userId != null && room.connectionsOf.merge(userId, -1, Integer::sum) == 0) {
			room.connectionsOf.remove(userId);
			room.members.remove(userId);
			sendToOthers(room, connection, ProtocolFrames.memberRemoved(channel, userId));
			this.webhooks.memberRemoved(channel, userId);
		}
		this.subscriptionCounts.changed(channel);
		if (room.subscribers.length == 0) {
			this.rooms.remove(channel);
			this.webhooks.channelVacated(channel);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + connection.socketId() + " unsubscribed from " + channel);
		}
		return true;
	}

	/**
	 * The user id a connection joined a presence channel as.
	 */
	synchronized @Nullable String memberId(ClientConnection connection, String channel) {
		Room room = this.rooms.get(channel);
		return (room != null) ? room.memberships.get(connection) : null;
	}

	/**
	 * Sign a connection in, with the users it watches, and tell the users who watch it if
	 * it came online.
	 * @return the watchlist events that tell the connection who is offline and who is
	 * online, or {@code null}
	 */
	synchronized @Nullable String signIn(ClientConnection connection, String userId, List<String> watchlist) {
		boolean cameOnline = !this.users.containsKey(userId);
		this.users.merge(userId, new ClientConnection[] { connection }, (signedIn, added) -> {
			if (Arrays.asList(signedIn).contains(connection)) {
				return signedIn;
			}
			ClientConnection[] more = Arrays.copyOf(signedIn, signedIn.length + 1);
			more[signedIn.length] = connection;
			return more;
		});
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + connection.socketId() + " signed in as user " + userId
					+ (watchlist.isEmpty() ? "" : " watching " + watchlist.size() + " user(s)"));
		}
		String watched = this.watchlists.watch(connection, watchlist, this.users::containsKey);
		if (cameOnline) {
			// a connection that watches itself learns it from its own watchlist events
			announce(userId, Watchlists.ONLINE, connection);
		}
		return watched;
	}

	private void announce(String userId, String event, @Nullable ClientConnection told) {
		int watchers = this.watchlists.announce(userId, event, told);
		if (watchers > 0 && logger.isDebugEnabled()) {
			logger.debug("Told " + watchers + " watching connection(s) that user " + userId + " is " + event);
		}
	}

	/**
	 * Send a client event to the channel's other subscribers.
	 */
	void clientEvent(ClientConnection sender, String channel, String event, JsonNode data, @Nullable String userId) {
		Room room = this.rooms.get(channel);
		if (room == null) {
			return;
		}
		int delivered = deliver(ProtocolFrames.clientEvent(event, channel, data, userId), room.subscribers,
				sender.socketId());
		this.webhooks.clientEvent(channel, event, data, sender.socketId(), userId);
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + sender.socketId() + " sent client event " + event + " on " + channel + " to "
					+ delivered + " connection(s)");
		}
	}

	@Override
	public void publish(RecordedEvent event) {
		for (String channel : event.channels()) {
			String frame = ProtocolFrames.event(event.event(), channel, event.data());
			if (ChannelNames.isCache(channel)) {
				this.cachedEvents.put(channel, frame);
			}
			ClientConnection[] targets;
			if (channel.startsWith(ChannelNames.SERVER_TO_USER_PREFIX)) {
				targets = this.users.getOrDefault(channel.substring(ChannelNames.SERVER_TO_USER_PREFIX.length()), NONE);
			}
			else {
				Room room = this.rooms.get(channel);
				targets = (room != null) ? room.subscribers : NONE;
			}
			int delivered = deliver(frame, targets, event.excludedSocketId());
			if (logger.isDebugEnabled()) {
				logger.debug("Delivered event " + event.event() + " on " + channel + " to " + delivered
						+ " connection(s)"
						+ ((event.excludedSocketId() != null) ? ", excluding socket " + event.excludedSocketId() : ""));
			}
		}
	}

	@Override
	public void terminate(String userId) {
		ClientConnection[] signedIn = this.users.getOrDefault(userId, NONE);
		for (ClientConnection connection : signedIn) {
			connection.close(4009, "Connection terminated by the app");
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Terminated " + signedIn.length + " connection(s) of user " + userId);
		}
	}

	@Override
	public synchronized Occupancy occupancy(String channel) {
		Room room = this.rooms.get(channel);
		return (room != null) ? room.occupancy() : Occupancy.EMPTY;
	}

	@Override
	public synchronized Map<String, Occupancy> occupied() {
		Map<String, Occupancy> occupied = new HashMap<>();
		this.rooms.forEach((name, room) -> occupied.put(name, room.occupancy()));
		return occupied;
	}

	private int subscriptionCount(String channel) {
		Room room = this.rooms.get(channel);
		return (room != null) ? room.subscribers.length : 0;
	}

	private void publishSubscriptionCount(String channel) {
		Room room = this.rooms.get(channel);
		ClientConnection[] subscribers = (room != null) ? room.subscribers : NONE;
		deliver(ProtocolFrames.subscriptionCount(channel, subscribers.length), subscribers, null);
		this.webhooks.subscriptionCount(channel, subscribers.length);
		if (logger.isDebugEnabled()) {
			logger.debug("Counted " + subscribers.length + " subscription(s) to " + channel);
		}
	}

	/**
	 * Forget the cached events; connections and subscriptions stay.
	 */
	@Override
	public void reset() {
		this.cachedEvents.clear();
	}

	/**
	 * Close every connection with 4200, for a server that stops.
	 * @return one future for each connection, done when its TCP connection has closed
	 */
	List<Future<?>> closeAll() {
		this.subscriptionCounts.start(null);
		List<Future<?>> closed = new ArrayList<>();
		for (ClientConnection connection : this.connections) {
			closed.add(connection.close(4200, "Server stopping"));
		}
		return closed;
	}

	private String succeeded(Room room) {
		if (ChannelNames.isPresence(room.name)) {
			return ProtocolFrames.presenceSubscriptionSucceeded(room.name, room.members);
		}
		return ProtocolFrames.subscriptionSucceeded(room.name);
	}

	private static void sendToOthers(Room room, ClientConnection sender, String frame) {
		deliver(frame, room.subscribers, sender.socketId());
	}

	private static ClientConnection[] without(ClientConnection[] connections, ClientConnection removed) {
		List<ClientConnection> rest = new ArrayList<>(Arrays.asList(connections));
		rest.remove(removed);
		return rest.toArray(NONE);
	}

	/**
	 * A presence channel member.
	 *
	 * @param userId the user id
	 * @param userInfo the user info, an object or {@code null} node
	 */
	record Member(String userId, JsonNode userInfo) {
	}

	/**
	 * One channel's subscribers and members; changed under the lock of
	 * {@link LocalChannels}.
	 */
	private static final class Room {

		private final String name;

		private volatile ClientConnection[] subscribers = NONE;

		private final Map<String, JsonNode> members = new LinkedHashMap<>();

		private final Map<String, Integer> connectionsOf = new HashMap<>();

		private final Map<ClientConnection, String> memberships = new HashMap<>();

		Room(String name) {
			this.name = name;
		}

		boolean contains(ClientConnection connection) {
			return Arrays.asList(this.subscribers).contains(connection);
		}

		void add(ClientConnection connection) {
			ClientConnection[] more = Arrays.copyOf(this.subscribers, this.subscribers.length + 1);
			more[this.subscribers.length] = connection;
			this.subscribers = more;
		}

		boolean remove(ClientConnection connection) {
			if (!contains(connection)) {
				return false;
			}
			this.subscribers = without(this.subscribers, connection);
			return true;
		}

		Occupancy occupancy() {
			return new Occupancy(this.subscribers.length, List.copyOf(this.members.keySet()));
		}

	}

}
