package io.pusherspring.test.local;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

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
import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.simulator.HttpApiRequest;
import io.pusherspring.test.simulator.PusherApiSimulator.Answer;
import io.pusherspring.test.simulator.PusherHttpApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The HTTP side of {@code LocalPusherServer}: every request that is not a WebSocket
 * upgrade goes to the {@link PusherHttpApi} that {@code FakePusherServer} answers through
 * too, so both check signatures and limits alike. Every request is kept with its answer,
 * and logged at debug level without its query.
 */
@Sharable
final class LocalHttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

	private static final Log logger = LogFactory.getLog(ProtocolServer.LOGGER);

	private final PusherHttpApi api;

	// one append per request, where a copy-on-write list would copy every earlier one
	private final Queue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();

	LocalHttpApiHandler(PusherHttpApi api) {
		this.api = api;
	}

	List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	void reset() {
		this.requests.clear();
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
		if (!request.decoderResult().isSuccess()) {
			respond(ctx, false, new Answer(400, "Malformed HTTP request"));
			return;
		}
		String method = request.method().name();
		HttpApiRequest decoded = HttpApiRequest.decode(method, request.uri(), ByteBufUtil.getBytes(request.content()));
		Answer answer = this.api.answer(decoded);
		String text = decoded.text();
		this.requests.add(new ReceivedRequest(method, decoded.path(), decoded.query(), text, answer.status()));
		if (logger.isDebugEnabled()) {
			logger.debug("Answered " + answer.status() + " to " + method + " " + decoded.path()
					+ (text.isEmpty() ? "" : " " + text));
		}
		respond(ctx, HttpUtil.isKeepAlive(request), answer);
	}

	private static void respond(ChannelHandlerContext ctx, boolean keepAlive, Answer answer) {
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(answer.status()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
			.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
		HttpUtil.setKeepAlive(response, keepAlive);
		if (keepAlive) {
			ctx.writeAndFlush(response, ctx.voidPromise());
		}
		else {
			ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
		}
	}

}
