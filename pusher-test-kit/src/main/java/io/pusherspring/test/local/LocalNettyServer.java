package io.pusherspring.test.local;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * The network side of {@code LocalPusherServer}: one Netty server socket on loopback for
 * the HTTP API and, below {@code /app/}, the WebSocket protocol. Its event loop threads
 * are its own (daemon, named {@code local-pusher-<server>-<n>}) and {@link #stop()} waits
 * until every one has ended.
 */
final class LocalNettyServer {

	static final int MAX_HTTP_BODY_BYTES = 1024 * 1024;

	static final int MAX_WEBSOCKET_MESSAGE_BYTES = 64 * 1024;

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final List<Thread> threads;

	private final EventLoopGroup group;

	private final Channel serverChannel;

	private LocalNettyServer(List<Thread> threads, EventLoopGroup group, Channel serverChannel) {
		this.threads = threads;
		this.group = group;
		this.serverChannel = serverChannel;
	}

	/**
	 * Bind a server.
	 * @param host the address to listen on
	 * @param port the port, 0 for a free one
	 * @param threads how many event loop threads
	 * @param connections creates the handler of each WebSocket connection
	 * @param api the HTTP API handler, shared by all connections
	 * @return the running server
	 */
	static LocalNettyServer start(String host, int port, int threads, Supplier<ClientConnection> connections,
			LocalHttpApiHandler api) {
		List<Thread> started = new CopyOnWriteArrayList<>();
		EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, new TrackingThreadFactory(started),
				NioIoHandler.newFactory());
		WebSocketServerProtocolConfig webSocket = WebSocketServerProtocolConfig.newBuilder()
			.websocketPath("/app")
			.checkStartsWith(true)
			.maxFramePayloadLength(MAX_WEBSOCKET_MESSAGE_BYTES)
			// ClientConnection answers close frames, and closes TCP only once the
			// client has answered the server's own
			.handleCloseFrames(false)
			.dropPongFrames(true)
			.handshakeTimeoutMillis(10_000)
			.build();
		try {
			Channel channel = new ServerBootstrap().group(group)
				.channel(NioServerSocketChannel.class)
				.childOption(ChannelOption.TCP_NODELAY, true)
				.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(4 << 20, 16 << 20))
				.childHandler(new ChannelInitializer<Channel>() {

					@Override
					protected void initChannel(Channel channel) {
						channel.pipeline()
							.addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_HTTP_BODY_BYTES),
									new WebSocketServerProtocolHandler(webSocket),
									new WebSocketFrameAggregator(MAX_WEBSOCKET_MESSAGE_BYTES), api, connections.get());
					}

				})
				.bind(new InetSocketAddress(host, port))
				.syncUninterruptibly()
				.channel();
			return new LocalNettyServer(started, group, channel);
		}
		catch (RuntimeException ex) {
			shutDown(group, started);
			throw new IllegalStateException("Could not start the local Pusher server on " + host + ":" + port, ex);
		}
	}

	int port() {
		return ((InetSocketAddress) this.serverChannel.localAddress()).getPort();
	}

	EventLoopGroup group() {
		return this.group;
	}

	/**
	 * Close the server socket and every connection, and wait until every event loop
	 * thread has ended.
	 */
	void stop() {
		this.serverChannel.close().syncUninterruptibly();
		shutDown(this.group, this.threads);
	}

	private static void shutDown(EventLoopGroup group, List<Thread> threads) {
		group.shutdownGracefully(0, STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
			.awaitUninterruptibly(STOP_TIMEOUT.toMillis() * 2);
		try {
			for (Thread thread : threads) {
				thread.join(STOP_TIMEOUT.toMillis());
			}
			// Netty tells the group's termination listeners on its global executor, whose
			// thread ends after a second without work
			GlobalEventExecutor.INSTANCE.awaitInactivity(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Names the event loop threads and remembers them, so that stopping can wait for them
	 * to end.
	 */
	private static final class TrackingThreadFactory implements ThreadFactory {

		private static final AtomicInteger servers = new AtomicInteger();

		private final int server = servers.incrementAndGet();

		private final AtomicInteger count = new AtomicInteger();

		private final List<Thread> threads;

		TrackingThreadFactory(List<Thread> threads) {
			this.threads = threads;
		}

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new FastThreadLocalThread(task,
					"local-pusher-" + this.server + "-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			this.threads.add(thread);
			return thread;
		}

	}

}
