package io.pusherspring.integration.conformance;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare WebSocket client of the Pusher protocol 7 (the JDK's {@link WebSocket}), for the
 * scenarios about what exactly a server sends: every frame it receives is kept, in order,
 * as JSON. Pings from the server are answered; nothing else is done for the caller.
 */
public final class RawClient implements AutoCloseable {

	/** How long to wait for a frame. */
	public static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private @Nullable WebSocket socket;

	private @Nullable String socketId;

	private RawClient() {
	}

	/**
	 * Connect, and wait for {@code pusher:connection_established}.
	 * @param host the server's host
	 * @param port the server's port
	 * @param key the app key
	 * @return the connected client
	 */
	public static RawClient connect(String host, int port, String key) {
		RawClient client = open(host, port, key);
		JsonNode established = client.next("pusher:connection_established");
		client.socketId = data(established).path("socket_id").asString();
		return client;
	}

	/**
	 * Open a WebSocket connection, and wait for nothing.
	 * @return the client
	 */
	public static RawClient open(String host, int port, String key) {
		RawClient client = new RawClient();
		client.socket = http.newWebSocketBuilder()
			.buildAsync(URI.create("ws://" + host + ":" + port + "/app/" + key
					+ "?protocol=7&client=java-raw&version=1.0&flash=false"), client.new Listener())
			.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.join();
		return client;
	}

	/**
	 * The socket id the server gave.
	 * @return the socket id
	 */
	public String socketId() {
		assertThat(this.socketId).as("socket id").isNotNull();
		return this.socketId;
	}

	/**
	 * Send an event.
	 * @param event the event name
	 * @param channel the channel, or {@code null}
	 * @param data the data: sent as it is (objects as JSON objects, strings as strings)
	 */
	public void send(String event, @Nullable String channel, Object data) {
		Map<String, Object> message = (channel != null) ? Map.of("event", event, "channel", channel, "data", data)
				: Map.of("event", event, "data", data);
		sendText(json.writeValueAsString(message));
	}

	/**
	 * Send a text frame as it is.
	 * @param text the frame
	 */
	public void sendText(String text) {
		socket().sendText(text, true).orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	/**
	 * Subscribe, with the authorization the application gave (or none).
	 * @param channel the channel
	 * @param authorization the answer of {@code /pusher/auth}, or {@code null}
	 */
	public void subscribe(String channel, @Nullable JsonNode authorization) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("channel", channel);
		if (authorization != null) {
			data.put("auth", authorization.path("auth").asString());
			if (authorization.has("channel_data")) {
				data.put("channel_data", authorization.path("channel_data").asString());
			}
		}
		send("pusher:subscribe", null, data);
	}

	/**
	 * The next frame, of any event but {@code pusher:ping} and {@code pusher:pong}.
	 * @return the frame
	 */
	public JsonNode next() {
		try {
			JsonNode frame = this.frames.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(frame).as("a frame within " + TIMEOUT).isNotNull();
			return frame;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The next frame, which must be of this event.
	 * @param event the event name
	 * @return the frame
	 */
	public JsonNode next(String event) {
		JsonNode frame = next();
		assertThat(frame.path("event").asString()).as("event of " + frame).isEqualTo(event);
		return frame;
	}

	/**
	 * The next frame, if one arrives in time.
	 * @param within how long to wait
	 * @return the frame, or {@code null}
	 */
	public @Nullable JsonNode poll(Duration within) throws InterruptedException {
		return this.frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * Assert that no frame arrives for a while.
	 * @param within how long to wait
	 */
	public void expectNothing(Duration within) throws InterruptedException {
		assertThat(this.frames.poll(within.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	/**
	 * Wait until the server closes the connection.
	 * @return the close code
	 */
	public int awaitClose() {
		return this.closed.orTimeout(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).join();
	}

	/**
	 * Whether the server closed the connection.
	 * @return {@code true} once closed
	 */
	public boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * The data of a frame: a JSON-encoded string decoded, or the value as it is.
	 * @param frame the frame
	 * @return the data, or a missing node
	 */
	public static JsonNode data(JsonNode frame) {
		JsonNode data = frame.path("data");
		return data.isString() ? json.readTree(data.asString()) : data;
	}

	@Override
	public void close() {
		WebSocket socket = this.socket;
		if (socket != null && !socket.isOutputClosed()) {
			socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).exceptionally((ex) -> null);
		}
		if (socket != null) {
			socket.abort();
		}
	}

	private WebSocket socket() {
		assertThat(this.socket).isNotNull();
		return this.socket;
	}

	private final class Listener implements WebSocket.Listener {

		private final StringBuilder text = new StringBuilder();

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.text.append(data);
			if (last) {
				JsonNode frame = json.readTree(this.text.toString());
				this.text.setLength(0);
				String event = frame.path("event").asString();
				if ("pusher:ping".equals(event)) {
					webSocket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
				}
				else if (!"pusher:pong".equals(event)) {
					RawClient.this.frames.add(frame);
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
			RawClient.this.closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket webSocket, Throwable error) {
			RawClient.this.closed.completeExceptionally(error);
		}

	}

}
