package io.pusherspring.integration.soketi;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One WebSocket client of the load run, on one node, subscribed to some public channels:
 * it notes when each load event arrives (the publisher put the time it published in the
 * event), and how often.
 */
final class LoadSubscriber implements AutoCloseable {

	static final String EVENT = "load";

	private static final JsonMapper json = JsonMapper.shared();

	private final int node;

	private final WebSocket socket;

	private final CountDownLatch subscribed;

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private final AtomicInteger frames = new AtomicInteger();

	private final Latencies sameNode;

	private final Latencies otherNode;

	private LoadSubscriber(int node, WebSocket socket, CountDownLatch subscribed, Latencies sameNode,
			Latencies otherNode) {
		this.node = node;
		this.socket = socket;
		this.subscribed = subscribed;
		this.sameNode = sameNode;
		this.otherNode = otherNode;
	}

	/**
	 * Connect to a node and subscribe to channels; wait until every subscription
	 * succeeded.
	 * @param node the node's index in the topology
	 * @param port the node's port
	 * @param key the app key
	 * @param channels the channels
	 * @param sameNode where the latencies of events published through this node go
	 * @param otherNode where the latencies of events published through the other go
	 * @return the subscribed client
	 */
	static LoadSubscriber subscribe(HttpClient http, int node, int port, String key, List<String> channels,
			Latencies sameNode, Latencies otherNode) throws InterruptedException {
		CountDownLatch subscribed = new CountDownLatch(channels.size());
		CompletableFuture<LoadSubscriber> self = new CompletableFuture<>();
		Listener listener = new Listener(self, subscribed);
		WebSocket socket = http.newWebSocketBuilder()
			.buildAsync(
					URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7&client=java-load&version=1.0"),
					listener)
			.orTimeout(30, TimeUnit.SECONDS)
			.join();
		LoadSubscriber subscriber = new LoadSubscriber(node, socket, subscribed, sameNode, otherNode);
		self.complete(subscriber);
		for (String channel : channels) {
			socket
				.sendText(json
					.writeValueAsString(Map.of("event", "pusher:subscribe", "data", Map.of("channel", channel))), true)
				.join();
		}
		if (!subscribed.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Not subscribed to " + channels + " within 30 seconds");
		}
		return subscriber;
	}

	/**
	 * How many distinct load events arrived.
	 * @return the count
	 */
	int distinct() {
		return this.received.size();
	}

	/**
	 * How many load events arrived in all, repeats included.
	 * @return the count
	 */
	int total() {
		return this.frames.get();
	}

	/**
	 * The load events that arrived, by id.
	 * @return their ids
	 */
	Set<String> ids() {
		return this.received.keySet();
	}

	@Override
	public void close() {
		this.socket.abort();
	}

	private void received(long at, JsonNode frame) {
		JsonNode data = json.readTree(frame.path("data").asString());
		String id = data.path("id").asString();
		this.frames.incrementAndGet();
		if (this.received.computeIfAbsent(id, (key) -> new AtomicInteger()).incrementAndGet() == 1) {
			long latency = at - data.path("publishedAt").asLong();
			(data.path("node").asInt() == this.node ? this.sameNode : this.otherNode).add(latency);
		}
	}

	private static final class Listener implements WebSocket.Listener {

		private final CompletableFuture<LoadSubscriber> subscriber;

		private final CountDownLatch subscribed;

		private final StringBuilder text = new StringBuilder();

		Listener(CompletableFuture<LoadSubscriber> subscriber, CountDownLatch subscribed) {
			this.subscriber = subscriber;
			this.subscribed = subscribed;
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			long at = System.nanoTime();
			this.text.append(data);
			if (last) {
				JsonNode frame = json.readTree(this.text.toString());
				this.text.setLength(0);
				String event = frame.path("event").asString();
				if (EVENT.equals(event)) {
					this.subscriber.join().received(at, frame);
				}
				else if ("pusher_internal:subscription_succeeded".equals(event)) {
					this.subscribed.countDown();
				}
				else if ("pusher:ping".equals(event)) {
					webSocket.sendText("{\"event\":\"pusher:pong\",\"data\":{}}", true);
				}
			}
			webSocket.request(1);
			return null;
		}

	}

	/**
	 * Publish-to-receipt latencies, in nanoseconds.
	 */
	static final class Latencies {

		private long[] values = new long[1024];

		private int size;

		synchronized void add(long nanos) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = nanos;
		}

		synchronized int size() {
			return this.size;
		}

		/**
		 * A percentile, nearest rank.
		 * @param percentile such as 50 or 99
		 * @return the latency
		 */
		synchronized Duration percentile(double percentile) {
			if (this.size == 0) {
				return Duration.ZERO;
			}
			long[] sorted = Arrays.copyOf(this.values, this.size);
			Arrays.sort(sorted);
			int rank = (int) Math.ceil(percentile / 100 * this.size);
			return Duration.ofNanos(sorted[Math.max(0, Math.min(this.size - 1, rank - 1))]);
		}

		static Latencies merged(Latencies... parts) {
			Latencies merged = new Latencies();
			for (Latencies part : parts) {
				synchronized (part) {
					for (int i = 0; i < part.size; i++) {
						merged.add(part.values[i]);
					}
				}
			}
			return merged;
		}

	}

}
