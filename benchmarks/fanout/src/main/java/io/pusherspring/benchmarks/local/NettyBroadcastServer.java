package io.pusherspring.benchmarks.local;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;

/**
 * Netty 4.2: the message is encoded once and the same buffer written to every channel.
 */
final class NettyBroadcastServer implements BroadcastServer {

	private final List<Thread> threads = new CopyOnWriteArrayList<>();

	private final EventLoopGroup group;

	private final Channel server;

	private volatile Channel[] clients = {};

	NettyBroadcastServer(int threadCount) {
		this.group = new MultiThreadIoEventLoopGroup(threadCount, (task) -> {
			Thread thread = new Thread(task, "netty-broadcast");
			this.threads.add(thread);
			return thread;
		}, NioIoHandler.newFactory());
		this.server = new ServerBootstrap().group(this.group)
			.channel(NioServerSocketChannel.class)
			.childHandler(new ChannelInitializer<Channel>() {

				@Override
				protected void initChannel(Channel channel) {
					channel.pipeline()
						.addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
								new WebSocketServerProtocolHandler("/ws"), new ChannelInboundHandlerAdapter() {

									@Override
									public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
										if (event instanceof HandshakeComplete) {
											add(ctx.channel());
											ctx.writeAndFlush(new TextWebSocketFrame(READY));
										}
									}

									@Override
									public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
										ctx.close();
									}

								});
				}

			})
			.bind(new InetSocketAddress("127.0.0.1", 0))
			.syncUninterruptibly()
			.channel();
	}

	private synchronized void add(Channel channel) {
		Channel[] more = Arrays.copyOf(this.clients, this.clients.length + 1);
		more[this.clients.length] = channel;
		this.clients = more;
	}

	@Override
	public URI uri() {
		return URI.create("ws://127.0.0.1:" + ((InetSocketAddress) this.server.localAddress()).getPort() + "/ws");
	}

	@Override
	public void broadcast(String text) {
		TextWebSocketFrame frame = new TextWebSocketFrame(
				Unpooled.wrappedBuffer(text.getBytes(StandardCharsets.UTF_8)));
		for (Channel client : this.clients) {
			client.writeAndFlush(frame.retainedDuplicate(), client.voidPromise());
		}
		frame.release();
	}

	@Override
	public void close() throws Exception {
		this.server.close().sync();
		this.group.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
		for (Thread thread : this.threads) {
			thread.join(5000);
		}
	}

	@Override
	public String toString() {
		return "Netty";
	}

}
