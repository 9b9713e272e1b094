package io.pusherspring.test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.pusherspring.test.FakePusherHandler.Outcome;
import io.pusherspring.test.FakePusherHandler.Reply;

/**
 * The HTTP side of {@link LocalPusherServer}: every request that is not a WebSocket
 * upgrade goes to the {@link FakePusherHandler} that {@link FakePusherServer} uses too,
 * so both check signatures and limits alike.
 */
@Sharable
final class LocalHttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private final FakePusherHandler handler;

	LocalHttpApiHandler(FakePusherHandler handler) {
		this.handler = handler;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		if (!request.decoderResult().isSuccess()) {
			respond(ctx, false, Reply.text(400, "Malformed HTTP request"));
			return;
		}
		Reply reply = this.handler.handle(request.method().name(), request.uri(),
				ByteBufUtil.getBytes(request.content()));
		boolean keepAlive = HttpUtil.isKeepAlive(request);
		long delay = reply.delay().toMillis();
		if (delay > 0) {
			ctx.executor().schedule(() -> respond(ctx, keepAlive, reply), delay, TimeUnit.MILLISECONDS);
		}
		else {
			respond(ctx, keepAlive, reply);
		}
	}

	private static void respond(ChannelHandlerContext ctx, boolean keepAlive, Reply reply) {
		if (reply.outcome() != Outcome.ANSWER) {
			ctx.close();
			return;
		}
		byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(reply.status()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, reply.contentType())
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		if (reply.retryAfter() != null) {
			response.headers().set(HttpHeaderNames.RETRY_AFTER, reply.retryAfter());
		}
		HttpUtil.setKeepAlive(response, keepAlive);
		if (keepAlive) {
			ctx.writeAndFlush(response, ctx.voidPromise());
		}
		else {
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
		}
	}

}
