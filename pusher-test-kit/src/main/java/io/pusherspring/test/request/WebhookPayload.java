package io.pusherspring.test.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.test.assertion.JsonComparison;
import io.pusherspring.test.context.PusherTestCredentials;
import io.pusherspring.test.simulator.PusherCrypto;

import org.springframework.util.Assert;

/**
 * The body and headers of a Pusher webhook as Pusher sends it: {@code {"time_ms": ...,
 * "events": [...]}}, signed into {@code X-Pusher-Signature} under the app's secret, with
 * the app's key in {@code X-Pusher-Key}. Internal to the test kit: public only so that
 * the request builders of {@code io.pusherspring.test} can build on it.
 */
public final class WebhookPayload {

	/** The header that carries the app key. */
	public static final String KEY_HEADER = "X-Pusher-Key";

	/** The header that carries the signature of the body. */
	public static final String SIGNATURE_HEADER = "X-Pusher-Signature";

	/** Where Pusher posts webhooks by default. */
	public static final String DEFAULT_PATH = "/pusher/webhooks";

	private static final JsonMapper json = JsonMapper.shared();

	private final List<Map<String, Object>> events = new ArrayList<>();

	private String key = PusherTestCredentials.CREDENTIALS.key();

	private String secret = PusherTestCredentials.CREDENTIALS.secret();

	private @Nullable String headerKey;

	private boolean wrongSignature;

	private Instant time = Instant.now();

	/**
	 * Add an event.
	 * @param name the event name, such as {@code member_added}
	 * @param channel the channel
	 * @param fields its other fields
	 */
	public void add(String name, String channel, Map<String, ?> fields) {
		Assert.hasText(channel, "'channel' must not be empty");
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("name", name);
		event.put("channel", channel);
		event.putAll(fields);
		this.events.add(event);
	}

	/**
	 * Add a {@code client_event} event.
	 * @param channel the channel name
	 * @param event the client event name
	 * @param data the data, as JSON text or an object to write as JSON
	 * @param socketId the sender's socket id
	 * @param userId the sender's user id, or {@code null}
	 */
	public void addClientEvent(String channel, String event, Object data, String socketId, @Nullable String userId) {
		Assert.notNull(data, "'data' must not be null");
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("event", event);
		fields.put("data", JsonComparison.toJson(data, json));
		fields.put("socket_id", socketId);
		if (userId != null) {
			fields.put("user_id", userId);
		}
		add("client_event", channel, fields);
	}

	/**
	 * Add an event exactly as given.
	 * @param event the event's fields
	 */
	public void addRaw(Map<String, ?> event) {
		Assert.notNull(event, "'event' must not be null");
		this.events.add(new LinkedHashMap<>(event));
	}

	/**
	 * Set {@code time_ms}.
	 * @param time when Pusher sent the webhook
	 */
	public void setTime(Instant time) {
		Assert.notNull(time, "'time' must not be null");
		this.time = time;
	}

	/**
	 * Sign with an app's key and secret.
	 * @param key the app key
	 * @param secret the app secret
	 */
	public void setCredentials(String key, String secret) {
		Assert.hasText(key, "'key' must not be empty");
		Assert.hasText(secret, "'secret' must not be empty");
		this.key = key;
		this.secret = secret;
	}

	/**
	 * Send another key in {@code X-Pusher-Key} than the one signing.
	 * @param headerKey the key to send
	 */
	public void setHeaderKey(String headerKey) {
		this.headerKey = headerKey;
	}

	/**
	 * Send a well-formed signature that does not match the body.
	 */
	public void signWrongly() {
		this.wrongSignature = true;
	}

	/**
	 * The body, as JSON.
	 * @return the bytes
	 */
	public byte[] body() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("time_ms", this.time.toEpochMilli());
		body.put("events", this.events);
		return json.writeValueAsBytes(body);
	}

	/**
	 * The value of {@code X-Pusher-Key}.
	 * @return the key
	 */
	public String keyHeader() {
		return (this.headerKey != null) ? this.headerKey : this.key;
	}

	/**
	 * The value of {@code X-Pusher-Signature} for a body.
	 * @param body the body, as {@link #body()} gave it
	 * @return the hex HMAC-SHA256 of the body
	 */
	public String signature(byte[] body) {
		return PusherCrypto.hmacSha256Hex(this.wrongSignature ? this.secret + "-wrong" : this.secret, body);
	}

	/**
	 * How many events it holds.
	 * @return the count
	 */
	public int size() {
		return this.events.size();
	}

}
