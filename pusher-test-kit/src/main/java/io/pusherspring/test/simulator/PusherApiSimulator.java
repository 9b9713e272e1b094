package io.pusherspring.test.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.pusherspring.test.RecordedEvent;
import io.pusherspring.test.simulator.ChannelBackend.Occupancy;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Pusher HTTP API as Pusher answers it, after authentication: the limits it enforces,
 * the JSON it returns, and the events it accepts, which go to a recorder and then to the
 * {@link ChannelBackend}, which also answer channel queries. Shared by
 * {@code FakePusherServer}, {@code LocalPusherServer} and the in-memory transport of
 * {@code @RecordPusherEvents} so all answer alike. Internal to the test kit: public only
 * so that its packages share it.
 * <p>
 * Its limits are its own copy of Pusher's published ones, not
 * {@link io.pusherspring.core.PusherLimits}: it is the independent check of the library,
 * so a wrong limit in the library fails a test instead of being agreed with.
 */
public final class PusherApiSimulator {

	/** The most channels one trigger may address. */
	public static final int MAX_CHANNELS_PER_TRIGGER = 100;

	/** The most events one batch may carry. */
	public static final int MAX_EVENTS_PER_BATCH = 10;

	/** The longest event name, in characters. */
	public static final int MAX_EVENT_NAME_LENGTH = 200;

	/** The longest user id, in characters. */
	public static final int MAX_USER_ID_LENGTH = 128;

	/** The largest event data accepted unless {@link #maxPayloadBytes} changes it. */
	public static final long DEFAULT_MAX_PAYLOAD_BYTES = 10 * 1024;

	private static final Pattern CHANNEL = Pattern.compile("[A-Za-z0-9_\\-=@,.;]{1,164}");

	private static final Pattern USER_CHANNEL = Pattern.compile("#server-to-user-[A-Za-z0-9_\\-=@,.;]{1,128}");

	private static final Pattern SOCKET_ID = Pattern.compile("[0-9]+\\.[0-9]+");

	private static final Pattern CHANNEL_PATH = Pattern.compile("/channels/([^/]+)");

	private static final Pattern USERS_PATH = Pattern.compile("/channels/([^/]+)/users");

	private static final Pattern TERMINATE_PATH = Pattern.compile("/users/([^/]+)/terminate_connections");

	private static final Set<String> INFO_ATTRIBUTES = Set.of("user_count", "subscription_count");

	private static final JsonMapper json = JsonMapper.shared();

	private final Consumer<RecordedEvent> recorder;

	private final Clock clock;

	private volatile long maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;

	private final ChannelBackend channels;

	private final List<String> terminatedUsers = new CopyOnWriteArrayList<>();

	/**
	 * Create a simulator whose channel state tests stub.
	 * @param recorder receives every event the API accepts
	 */
	public PusherApiSimulator(Consumer<RecordedEvent> recorder) {
		this(recorder, Clock.systemUTC());
	}

	/**
	 * Create a simulator whose channel state tests stub.
	 * @param recorder receives every event the API accepts
	 * @param clock stamps the accepted events
	 */
	public PusherApiSimulator(Consumer<RecordedEvent> recorder, Clock clock) {
		this(recorder, clock, new StubbedChannels());
	}

	/**
	 * Create a simulator over some channels.
	 * @param recorder receives every event the API accepts
	 * @param clock stamps the accepted events
	 * @param channels where channel state comes from and accepted events go
	 */
	public PusherApiSimulator(Consumer<RecordedEvent> recorder, Clock clock, ChannelBackend channels) {
		this.recorder = recorder;
		this.clock = clock;
		this.channels = channels;
	}

	/**
	 * Accept event data up to this size.
	 * @param maxPayloadBytes the limit in bytes
	 */
	public void maxPayloadBytes(long maxPayloadBytes) {
		this.maxPayloadBytes = maxPayloadBytes;
	}

	/**
	 * Make a channel look occupied to queries and trigger info.
	 * @param channel the channel name
	 * @param subscriptionCount the connections subscribed
	 * @param userIds the users on a presence channel
	 * @throws IllegalStateException if channel state comes from live connections
	 */
	public void stubChannel(String channel, int subscriptionCount, List<String> userIds) {
		if (!(this.channels instanceof StubbedChannels stubbed)) {
			throw new IllegalStateException("Channel state comes from live connections and cannot be stubbed");
		}
		stubbed.stub(channel, new Occupancy(subscriptionCount, userIds));
	}

	/**
	 * The users whose connections were terminated, in order.
	 * @return the user ids
	 */
	public List<String> terminatedUsers() {
		return List.copyOf(this.terminatedUsers);
	}

	/**
	 * Forget stubbed channels and terminated users; the recorder is its owner's to clear.
	 */
	public void reset() {
		this.channels.reset();
		this.terminatedUsers.clear();
	}

	/**
	 * Answer one request.
	 * @param method the HTTP method
	 * @param path the path below {@code /apps/{appId}}
	 * @param query the query parameters, authentication ones included or not
	 * @param body the request body, or {@code null}
	 * @return the answer
	 */
	public Answer handle(String method, String path, Map<String, String> query, @Nullable String body) {
		try {
			if ("POST".equals(method) && "/events".equals(path)) {
				return trigger(parse(body));
			}
			if ("POST".equals(method) && "/batch_events".equals(path)) {
				return batch(parse(body));
			}
			if ("POST".equals(method) && TERMINATE_PATH.matcher(path).matches()) {
				return terminate(group(TERMINATE_PATH, path));
			}
			if ("GET".equals(method) && "/channels".equals(path)) {
				return channelList(query);
			}
			if ("GET".equals(method) && USERS_PATH.matcher(path).matches()) {
				return users(group(USERS_PATH, path));
			}
			if ("GET".equals(method) && CHANNEL_PATH.matcher(path).matches()) {
				return channel(group(CHANNEL_PATH, path), query);
			}
			return new Answer(404, "Not found: " + method + " " + path);
		}
		catch (Rejection rejection) {
			return rejection.answer;
		}
	}

	private Answer trigger(JsonNode body) {
		String name = requiredString(body, "name");
		String data = requiredString(body, "data");
		List<String> channels = triggerChannels(body);
		String socketId = optionalSocketId(body);
		Set<String> info = info(body.path("info"));
		checkEventName(name);
		checkChannels(channels);
		if (channels.size() > 1 && channels.stream().anyMatch((channel) -> channel.startsWith("private-encrypted-"))) {
			throw reject(400, "Cannot trigger to multiple channels if any are encrypted");
		}
		checkPayload(data);
		checkInfo(info, channels);
		RecordedEvent event = new RecordedEvent(channels, name, data, socketId, this.clock.instant());
		this.recorder.accept(event);
		this.channels.publish(event);
		if (info.isEmpty()) {
			return new Answer(200, "{}");
		}
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (String channel : channels) {
			attributes.put(channel, attributes(channel, info));
		}
		return ok(Map.of("channels", attributes));
	}

	private Answer batch(JsonNode body) {
		JsonNode batch = body.path("batch");
		if (!batch.isArray() || batch.isEmpty()) {
			throw reject(400, "Expected a non-empty 'batch' array");
		}
		if (batch.size() > MAX_EVENTS_PER_BATCH) {
			throw reject(400, "Batch too large: " + batch.size() + " events, the limit is " + MAX_EVENTS_PER_BATCH);
		}
		List<RecordedEvent> accepted = new ArrayList<>();
		List<Map<String, Object>> results = new ArrayList<>();
		boolean anyInfo = false;
		for (JsonNode item : batch.values()) {
			String channel = requiredString(item, "channel");
			String name = requiredString(item, "name");
			String data = requiredString(item, "data");
			String socketId = optionalSocketId(item);
			Set<String> info = info(item.path("info"));
			checkEventName(name);
			checkChannels(List.of(channel));
			checkPayload(data);
			checkInfo(info, List.of(channel));
			anyInfo |= !info.isEmpty();
			accepted.add(new RecordedEvent(List.of(channel), name, data, socketId, this.clock.instant()));
			results.add(attributes(channel, info));
		}
		for (RecordedEvent event : accepted) {
			this.recorder.accept(event);
			this.channels.publish(event);
		}
		return anyInfo ? ok(Map.of("batch", results)) : new Answer(200, "{}");
	}

	private Answer channelList(Map<String, String> query) {
		String prefix = query.getOrDefault("filter_by_prefix", "");
		Set<String> info = info(query.get("info"));
		if (info.contains("subscription_count")) {
			throw reject(400, "subscription_count is not available when listing channels");
		}
		if (info.contains("user_count") && !prefix.startsWith("presence-")) {
			throw reject(400, "user_count may only be requested with filter_by_prefix=presence-");
		}
		Map<String, Object> listed = new LinkedHashMap<>();
		this.channels.occupied()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().startsWith(prefix) && entry.getValue().occupied())
			.sorted(Map.Entry.comparingByKey())
			.forEach((entry) -> listed.put(entry.getKey(), attributes(entry.getKey(), info)));
		return ok(Map.of("channels", listed));
	}

	private Answer channel(String channel, Map<String, String> query) {
		checkChannels(List.of(channel));
		Set<String> info = info(query.get("info"));
		checkInfo(info, List.of(channel));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("occupied", state(channel).occupied());
		body.putAll(attributes(channel, info));
		return ok(body);
	}

	private Answer users(String channel) {
		checkChannels(List.of(channel));
		if (!channel.startsWith("presence-")) {
			throw reject(400, "Users can only be retrieved for presence channels");
		}
		List<Map<String, String>> users = state(channel).userIds().stream().map((id) -> Map.of("id", id)).toList();
		return ok(Map.of("users", users));
	}

	private Answer terminate(String userId) {
		if (userId.isEmpty() || userId.length() > MAX_USER_ID_LENGTH) {
			throw reject(400, "Invalid user id");
		}
		this.terminatedUsers.add(userId);
		this.channels.terminate(userId);
		return new Answer(200, "{}");
	}

	private Map<String, Object> attributes(String channel, Set<String> info) {
		Occupancy state = state(channel);
		Map<String, Object> attributes = new LinkedHashMap<>();
		if (info.contains("user_count")) {
			attributes.put("user_count", state.userIds().size());
		}
		if (info.contains("subscription_count")) {
			attributes.put("subscription_count", state.subscriptionCount());
		}
		return attributes;
	}

	private Occupancy state(String channel) {
		return this.channels.occupancy(channel);
	}

	private List<String> triggerChannels(JsonNode body) {
		JsonNode channels = body.get("channels");
		if (channels == null && body.path("channel").isString()) {
			return List.of(body.path("channel").stringValue());
		}
		if (channels == null || !channels.isArray() || channels.isEmpty()) {
			throw reject(400, "Expected 'channels' to be a non-empty array of channel names");
		}
		if (channels.size() > MAX_CHANNELS_PER_TRIGGER) {
			throw reject(400, "Too many channels: " + channels.size() + ", the limit is " + MAX_CHANNELS_PER_TRIGGER);
		}
		List<String> names = new ArrayList<>();
		for (JsonNode channel : channels.values()) {
			if (!channel.isString()) {
				throw reject(400, "Channel names must be strings");
			}
			names.add(channel.stringValue());
		}
		return names;
	}

	private void checkChannels(List<String> channels) {
		for (String channel : channels) {
			if (!CHANNEL.matcher(channel).matches() && !USER_CHANNEL.matcher(channel).matches()) {
				throw reject(400, "Invalid channel name: " + channel);
			}
		}
	}

	private void checkEventName(String name) {
		if (name.isEmpty() || name.length() > MAX_EVENT_NAME_LENGTH) {
			throw reject(400, "Event name must be 1 to " + MAX_EVENT_NAME_LENGTH + " characters");
		}
		if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
			throw reject(400, "Event name is reserved: " + name);
		}
	}

	private void checkPayload(String data) {
		int bytes = data.getBytes(StandardCharsets.UTF_8).length;
		if (bytes > this.maxPayloadBytes) {
			throw reject(413, "Payload too large: " + bytes + " bytes, the limit is " + this.maxPayloadBytes);
		}
	}

	private void checkInfo(Set<String> info, List<String> channels) {
		if (info.contains("subscription_count") && !this.channels.countsSubscriptions()) {
			// what Pusher answers until the app's dashboard enables subscription counting
			throw reject(400, "Cannot retrieve the subscription count because subscription counting is not enabled");
		}
		if (info.contains("user_count") && channels.stream().anyMatch((channel) -> !channel.startsWith("presence-"))) {
			throw reject(400, "user_count may only be requested for presence channels");
		}
	}

	private Set<String> info(@Nullable Object info) {
		String text = (info instanceof JsonNode node) ? (node.isString() ? node.stringValue() : null) : (String) info;
		if (text == null || text.isEmpty()) {
			return Set.of();
		}
		Set<String> attributes = Set.copyOf(Arrays.asList(text.split(",")));
		for (String attribute : attributes) {
			if (!INFO_ATTRIBUTES.contains(attribute)) {
				throw reject(400, "Unknown info attribute: " + attribute);
			}
		}
		return attributes;
	}

	private @Nullable String optionalSocketId(JsonNode body) {
		JsonNode socketId = body.get("socket_id");
		if (socketId == null || socketId.isNull()) {
			return null;
		}
		if (!socketId.isString() || !SOCKET_ID.matcher(socketId.stringValue()).matches()) {
			throw reject(400, "Invalid socket id");
		}
		return socketId.stringValue();
	}

	private static String requiredString(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || !value.isString()) {
			throw reject(400, "Expected '" + field + "' to be a string");
		}
		return value.stringValue();
	}

	private static JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			throw reject(400, "Expected a JSON body");
		}
		try {
			JsonNode node = json.readTree(body);
			if (!node.isObject()) {
				throw reject(400, "Expected a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw reject(400, "Request body is not valid JSON");
		}
	}

	private static String group(Pattern pattern, String path) {
		var matcher = pattern.matcher(path);
		matcher.matches();
		return matcher.group(1);
	}

	private static Answer ok(Object body) {
		return new Answer(200, json.writeValueAsString(body));
	}

	private static Rejection reject(int status, String message) {
		return new Rejection(new Answer(status, message));
	}

	/**
	 * An HTTP answer.
	 *
	 * @param status the status code
	 * @param body the body: JSON when the status is 200, a plain text message otherwise
	 */
	public record Answer(int status, String body) {

		/** The content type of a JSON answer. */
		public static final String JSON = "application/json; charset=utf-8";

		/** The content type of a plain text answer. */
		public static final String PLAIN_TEXT = "text/plain; charset=utf-8";

		/**
		 * The content type of the body.
		 * @return JSON for 200, plain text otherwise
		 */
		public String contentType() {
			return (this.status == 200) ? JSON : PLAIN_TEXT;
		}

	}

	private static final class Rejection extends RuntimeException {

		private final Answer answer;

		Rejection(Answer answer) {
			super(answer.body(), null, false, false);
			this.answer = answer;
		}

	}

}
