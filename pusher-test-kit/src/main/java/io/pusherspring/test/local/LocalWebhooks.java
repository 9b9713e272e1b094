package io.pusherspring.test.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.Promise;
import io.pusherspring.test.simulator.PusherCrypto;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks out of a {@code LocalPusherServer}: events are collected for a short window
 * and posted together, as Pusher batches them, in one body {@code {"time_ms": ...,
 * "events": [...]}} signed with the app secret ({@code X-Pusher-Key},
 * {@code X-Pusher-Signature}). Deliveries go out one at a time, in order; a failed one
 * (no answer, or not 2xx) is retried a few times with backoff, then dropped with a
 * warning. Everything runs on one event loop of the server, so no thread of its own
 * outlives the server.
 */
final class LocalWebhooks {

	static final Duration BATCH_WINDOW = Duration.ofMillis(50);

	static final int MAX_EVENTS_PER_DELIVERY = 100;

	private static final Duration[] RETRY_DELAYS = { Duration.ofMillis(200), Duration.ofSeconds(1),
			Duration.ofSeconds(3) };

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Log logger = LogFactory.getLog(ProtocolServer.LOGGER);

	private final String key;

	private final String secret;

	private final Clock clock;

	private volatile @Nullable URI url;

	private volatile @Nullable EventLoop loop;

	// confined to the loop
	private final List<Map<String, Object>> pending = new ArrayList<>();

	private boolean scheduled;

	private boolean sending;

	LocalWebhooks(String key, String secret, Clock clock) {
		this.key = key;
		this.secret = secret;
		this.clock = clock;
	}

	void url(@Nullable URI url) {
		this.url = url;
	}

	/**
	 * Collect and post webhooks on one event loop of the server: its tasks and the
	 * connections that post them.
	 */
	void start(EventLoop loop) {
		this.loop = loop;
	}

	void stop() {
		this.loop = null;
	}

	void channelOccupied(String channel) {
		add(entry("channel_occupied", channel));
	}

	void channelVacated(String channel) {
		add(entry("channel_vacated", channel));
	}

	void memberAdded(String channel, String userId) {
		Map<String, Object> entry = entry("member_added", channel);
		entry.put("user_id", userId);
		add(entry);
	}

	void memberRemoved(String channel, String userId) {
		Map<String, Object> entry = entry("member_removed", channel);
		entry.put("user_id", userId);
		add(entry);
	}

	void cacheMiss(String channel) {
		add(entry("cache_miss", channel));
	}

	void subscriptionCount(String channel, int count) {
		Map<String, Object> entry = entry("subscription_count", channel);
		entry.put("subscription_count", count);
		add(entry);
	}

	void clientEvent(String channel, String event, JsonNode data, String socketId, @Nullable String userId) {
		Map<String, Object> entry = entry("client_event", channel);
		entry.put("event", event);
		entry.put("data", data.isString() ? data.stringValue() : data.toString());
		entry.put("socket_id", socketId);
		if (userId != null) {
			entry.put("user_id", userId);
		}
		add(entry);
	}

	private static Map<String, Object> entry(String name, String channel) {
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("name", name);
		entry.put("channel", channel);
		return entry;
	}

	private void add(Map<String, Object> entry) {
		EventLoop running = this.loop;
		if (this.url == null || running == null) {
			return;
		}
		running.execute(() -> {
			this.pending.add(entry);
			if (!this.scheduled && !this.sending) {
				this.scheduled = true;
				running.schedule(this::flush, BATCH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
			}
		});
	}

	private void flush() {
		this.scheduled = false;
		URI target = this.url;
		if (this.pending.isEmpty() || target == null) {
			this.pending.clear();
			return;
		}
		List<Map<String, Object>> batch = new ArrayList<>(
				this.pending.subList(0, Math.min(this.pending.size(), MAX_EVENTS_PER_DELIVERY)));
		this.pending.subList(0, batch.size()).clear();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("time_ms", this.clock.millis());
		body.put("events", batch);
		this.sending = true;
		deliver(target, ProtocolFrames.json.writeValueAsBytes(body), batch.size(), 0);
	}

	private void deliver(URI target, byte[] body, int events, int attempt) {
		EventLoop running = this.loop;
		if (running == null) {
			return;
		}
		post(running, target, body).addListener((future) -> {
			Integer status = (Integer) future.getNow();
			boolean delivered = future.isSuccess() && status != null && status >= 200 && status < 300;
			String outcome = future.isSuccess() ? "status " + status
					: future.cause().getClass().getSimpleName() + ": " + future.cause().getMessage();
			if (delivered) {
				if (logger.isDebugEnabled()) {
					logger.debug("Delivered " + events + " webhook event(s) to " + target + ": " + outcome);
				}
				done(running);
			}
			else if (attempt < RETRY_DELAYS.length) {
				if (logger.isDebugEnabled()) {
					logger.debug("Webhook delivery to " + target + " failed (" + outcome + "), retrying");
				}
				running.schedule(() -> deliver(target, body, events, attempt + 1), RETRY_DELAYS[attempt].toMillis(),
						TimeUnit.MILLISECONDS);
			}
			else {
				logger.warn("Dropped " + events + " webhook event(s) after " + (attempt + 1) + " failed deliveries to "
						+ target + " (last: " + outcome + ")");
				done(running);
			}
		});
	}

	private void done(EventLoop running) {
		this.sending = false;
		if (!this.pending.isEmpty() && !this.scheduled) {
			this.scheduled = true;
			running.schedule(this::flush, BATCH_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private Promise<Integer> post(EventLoop running, URI target, byte[] body) {
		Promise<Integer> answer = running.newPromise();
		int port = (target.getPort() != -1) ? target.getPort() : 80;
		String path = ((target.getRawPath() == null || target.getRawPath().isEmpty()) ? "/" : target.getRawPath())
				+ ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "");
		FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path,
				Unpooled.wrappedBuffer(body));
		request.headers()
			.set(HttpHeaderNames.HOST, target.getHost() + ":" + port)
			.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
			.set("X-Pusher-Key", this.key)
			.set("X-Pusher-Signature", PusherCrypto.hmacSha256Hex(this.secret, body));
		new Bootstrap().group(running)
			.channel(NioSocketChannel.class)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
			.handler(new ChannelInitializer<Channel>() {

				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline()
						.addLast(new ReadTimeoutHandler(TIMEOUT.toSeconds(), TimeUnit.SECONDS), new HttpClientCodec(),
								new HttpObjectAggregator(64 * 1024),
								new SimpleChannelInboundHandler<FullHttpResponse>() {

									@Override
									protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
										answer.trySuccess(response.status().code());
										ctx.close();
									}

									@Override
									public void channelInactive(ChannelHandlerContext ctx) {
										answer.tryFailure(
												new IllegalStateException("Connection closed without an answer"));
									}

									@Override
									public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
										answer.tryFailure(cause);
										ctx.close();
									}

								});
				}

			})
			.connect(new InetSocketAddress(target.getHost(), port))
			.addListener((ChannelFutureListener) (connected) -> {
				if (connected.isSuccess()) {
					connected.channel().writeAndFlush(request);
				}
				else {
					request.release();
					answer.tryFailure(connected.cause());
				}
			});
		return answer;
	}

}
