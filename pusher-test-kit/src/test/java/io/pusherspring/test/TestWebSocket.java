package io.pusherspring.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bare WebSocket client for protocol tests: the JDK's, with every message kept as JSON
 * in arrival order.
 */
final class TestWebSocket implements WebSocket.Listener, AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	private static final JsonMapper json = JsonMapper.shared();

	private static final HttpClient client = HttpClient.newHttpClient();

	private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private final StringBuilder partial = new StringBuilder();

	private WebSocket socket;

	private String socketId;

	static TestWebSocket open(URI uri) {
		TestWebSocket listener = new TestWebSocket();
		listener.socket = client.newWebSocketBuilder().buildAsync(uri, listener).join();
		return listener;
	}

	/**
	 * Connect with protocol 7 and wait for {@code pusher:connection_established}.
	 */
	static TestWebSocket connect(LocalPusherServer server) {
		TestWebSocket socket = open(URI.create(server.getWebSocketUrl() + "?protocol=7&client=test&version=1"));
		JsonNode established = socket.next("pusher:connection_established");
		socket.socketId = data(established).get("socket_id").stringValue();
		return socket;
	}

	String socketId() {
		return this.socketId;
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	void send(String event, Map<String, ?> data) {
		send(json.writeValueAsString(Map.of("event", event, "data", data)));
	}

	void subscribe(String channel) {
		send("pusher:subscribe", Map.of("channel", channel));
	}

	void subscribe(String channel, String auth) {
		send("pusher:subscribe", Map.of("channel", channel, "auth", auth));
	}

	/**
	 * The next message, whatever it is.
	 */
	JsonNode next() {
		try {
			JsonNode message = this.messages.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			assertThat(message).as("a message within " + TIMEOUT).isNotNull();
			return message;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The next message, which must be this event.
	 */
	JsonNode next(String event) {
		JsonNode message = next();
		assertThat(message.path("event").asString()).as("event of " + message).isEqualTo(event);
		return message;
	}

	/**
	 * Assert that nothing arrives for a while.
	 */
	void expectNothing(Duration within) throws InterruptedException {
		assertThat(this.messages.poll(within.toMillis(), TimeUnit.MILLISECONDS)).isNull();
	}

	/**
	 * Wait for the server to close the connection.
	 * @return the close code
	 */
	int closeCode() {
		// get, not orTimeout: that starts the JDK's delay scheduler thread, which
		// outlives the test and would count as a thread the server left behind
		try {
			return this.closed.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new AssertionError("No close within " + TIMEOUT, ex);
		}
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	/**
	 * The data of a message as JSON, decoding a string.
	 */
	static JsonNode data(JsonNode message) {
		JsonNode data = message.get("data");
		return data.isString() ? json.readTree(data.stringValue()) : data;
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.messages.add(json.readTree(this.partial.toString()));
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
	}

	@Override
	public void close() {
		if (!this.socket.isOutputClosed()) {
			this.socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally((ex) -> null);
		}
		this.socket.abort();
	}

}
