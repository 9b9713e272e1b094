package io.pusherspring.benchmarks.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;

/**
 * Many WebSocket clients on one Netty event loop thread: each counts the messages it
 * receives that carry a send time ({@code @@<nanoTime>@@}) and records the delay from
 * that time to receipt. Clients and the server run in one process, so
 * {@link System#nanoTime()} is one clock. A client is ready once the server has said so
 * (a message that contains a given text): the server has registered it by then, so that
 * no message sent afterwards can miss it.
 */
final class FanOutClients implements AutoCloseable {

	private static final String PING = "\"pusher:ping\"";

	private static final String PONG = "{\"event\":\"pusher:pong\",\"data\":{}}";

	private static final byte[] MARK = "@@".getBytes(StandardCharsets.US_ASCII);

	private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private final List<Channel> channels = new ArrayList<>();

	private final AtomicLong received = new AtomicLong();

	private volatile long lastReceivedNanos;

	private final int size;

	private final Latencies latencies;

	private FanOutClients(int size, Latencies latencies) {
		this.size = size;
		this.latencies = latencies;
	}

	/**
	 * Connect clients and wait until each is ready.
	 * @param uri the WebSocket address
	 * @param count how many clients
	 * @param onOpen what a client sends once connected, or {@code null}
	 * @param readyWhenContains a client is ready once it receives a message containing
	 * this text
	 * @param latencies where delays are recorded
	 * @return the connected clients
	 */
	static FanOutClients connect(URI uri, int count, String onOpen, String readyWhenContains, Latencies latencies)
			throws Exception {
		FanOutClients clients = new FanOutClients(count, latencies);
		AtomicInteger ready = new AtomicInteger();
		CompletableFuture<Void> allReady = new CompletableFuture<>();
		for (int i = 0; i < count; i++) {
			Channel channel = new Bootstrap().group(clients.group)
				.channel(NioSocketChannel.class)
				.handler(new ChannelInitializer<Channel>() {

					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline()
							.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
									new WebSocketClientProtocolHandler(WebSocketClientHandshakerFactory.newHandshaker(
											uri, WebSocketVersion.V13, null, false, new DefaultHttpHeaders(), 65536)),
									clients.new Client(onOpen, readyWhenContains, () -> {
										if (ready.incrementAndGet() == count) {
											allReady.complete(null);
										}
									}));
					}

				})
				.connect(uri.getHost(), uri.getPort())
				.sync()
				.channel();
			clients.channels.add(channel);
			if (i % 100 == 99) {
				// let the server accept in batches rather than overflow its backlog
				Thread.sleep(20);
			}
		}
		allReady.get(60, TimeUnit.SECONDS);
		return clients;
	}

	long received() {
		return this.received.get();
	}

	int size() {
		return this.size;
	}

	Latencies latencies() {
		return this.latencies;
	}

	/**
	 * Wait until the clients have received a number of messages in all. Deliveries that
	 * are late arrive as long as the count goes on rising; when nothing has arrived for
	 * 15 seconds, the rest is lost.
	 * @param expected the number
	 * @return when the last of them arrived, in {@link System#nanoTime()}
	 * @throws IllegalStateException if some never arrive
	 */
	long awaitReceived(long expected) throws InterruptedException {
		long seen = this.received.get();
		long progress = System.nanoTime();
		while (seen < expected) {
			Thread.sleep(5);
			long now = this.received.get();
			if (now > seen) {
				seen = now;
				progress = System.nanoTime();
			}
			else if (System.nanoTime() - progress > TimeUnit.SECONDS.toNanos(15)) {
				throw new IllegalStateException("Lost deliveries: " + (expected - seen) + " of the messages sent "
						+ "never reached their client (none arrived for 15 seconds)");
			}
		}
		return this.lastReceivedNanos;
	}

	@Override
	public void close() {
		for (Channel channel : this.channels) {
			channel.close();
		}
		this.group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
	}

	private final class Client extends SimpleChannelInboundHandler<TextWebSocketFrame> {

		private final String onOpen;

		private final String readyWhenContains;

		private final Runnable ready;

		private boolean isReady;

		Client(String onOpen, String readyWhenContains, Runnable ready) {
			this.onOpen = onOpen;
			this.readyWhenContains = readyWhenContains;
			this.ready = ready;
		}

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
				if (this.onOpen != null) {
					ctx.writeAndFlush(new TextWebSocketFrame(this.onOpen));
				}
			}
			super.userEventTriggered(ctx, event);
		}

		@Override
		protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
			long now = System.nanoTime();
			ByteBuf content = frame.content();
			int start = indexOf(content, content.readerIndex());
			if (start >= 0) {
				int end = indexOf(content, start + MARK.length);
				if (end > start) {
					long sent = Long.parseLong(content.toString(start + MARK.length, end - start - MARK.length,
							StandardCharsets.US_ASCII));
					FanOutClients.this.latencies.record(now - sent);
					FanOutClients.this.lastReceivedNanos = now;
					FanOutClients.this.received.incrementAndGet();
					return;
				}
			}
			String text = frame.text();
			if (text.contains(PING)) {
				// a Pusher server closes a client that stays silent past its activity
				// timeout
				// and does not answer the ping (4201)
				ctx.writeAndFlush(new TextWebSocketFrame(PONG));
				return;
			}
			if (!this.isReady && text.contains(this.readyWhenContains)) {
				becomeReady();
			}
		}

		private void becomeReady() {
			if (!this.isReady) {
				this.isReady = true;
				this.ready.run();
			}
		}

		private static int indexOf(ByteBuf content, int from) {
			int end = content.writerIndex() - MARK.length;
			for (int i = from; i <= end; i++) {
				if (content.getByte(i) == MARK[0] && content.getByte(i + 1) == MARK[1]) {
					return i;
				}
			}
			return -1;
		}

	}

}
