package io.pusherspring.test.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCounted;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.test.local.LocalChannels.Member;
import io.pusherspring.test.simulator.AuthSignatures;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * One client connection of a {@code LocalPusherServer}, speaking the Pusher WebSocket
 * protocol (versions 5 to 7) once the WebSocket handshake is complete: connection
 * establishment, ping and pong with the activity timeout, subscriptions with their
 * authorization verified against the app secret, sign-in, client events, and errors as
 * {@code pusher:error} or a close with the protocol's code. Everything a client sends is
 * handled on the connection's event loop; bad input never escapes as an exception.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {

	// Pusher's rate limit of client events, which PusherLimits does not publish
	static final int MAX_CLIENT_EVENTS_PER_SECOND = 10;

	private static final Log logger = LogFactory.getLog(ProtocolServer.LOGGER);

	private static final int MIN_PROTOCOL = 5;

	private static final int MAX_PROTOCOL = 7;

	/**
	 * How long a connection the server closes waits for the client's close frame before
	 * it closes TCP anyway.
	 */
	static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(1);

	private final ConnectionSettings settings;

	private final LocalChannels channels;

	private final Set<String> subscriptions = new HashSet<>();

	private final String socketId;

	private volatile @Nullable Channel channel;

	private volatile @Nullable String userId;

	private boolean established;

	// set on the event loop once a close frame went out: nothing may follow it
	private volatile boolean closing;

	private @Nullable ScheduledFuture<?> pongTimeout;

	private long clientEventWindowStart;

	private int clientEventsInWindow;

	ClientConnection(ConnectionSettings settings, LocalChannels channels) {
		this.settings = settings;
		this.channels = channels;
		ThreadLocalRandom random = ThreadLocalRandom.current();
		this.socketId = random.nextInt(1, Integer.MAX_VALUE) + "." + random.nextInt(1, Integer.MAX_VALUE);
	}

	String socketId() {
		return this.socketId;
	}

	@Nullable String userId() {
		return this.userId;
	}

	/**
	 * The channels this connection is subscribed to; used on its event loop only.
	 */
	Set<String> subscriptions() {
		return this.subscriptions;
	}

	/**
	 * Send a frame, from any thread.
	 */
	void send(String frame) {
		write(new TextWebSocketFrame(frame));
	}

	/**
	 * Write an already encoded frame, on the connection's event loop.
	 */
	void sendEncoded(ByteBuf frame) {
		// bytes, not a frame: the WebSocket encoder passes them through as they are
		write(frame);
	}

	/**
	 * Write a frame or encoded bytes. A client that stopped reading is disconnected once
	 * its backlog passes the high water mark.
	 */
	private void write(ReferenceCounted message) {
		Channel target = this.channel;
		if (target == null || !target.isActive() || this.closing) {
			message.release();
			return;
		}
		if (!target.isWritable()) {
			message.release();
			close(4100, "Over capacity: the client does not read its messages");
			return;
		}
		target.writeAndFlush(message, target.voidPromise());
	}

	/**
	 * The event loop this connection's I/O runs on, or {@code null} before it is
	 * established.
	 */
	@Nullable EventLoop eventLoop() {
		Channel target = this.channel;
		return (target != null) ? target.eventLoop() : null;
	}

	/**
	 * Send {@code pusher:error} with a code and close with it, from any thread. As RFC
	 * 6455 has it, the server closes TCP once the client has answered with its own close
	 * frame (so no reset can discard what the client has not read yet), or after
	 * {@link #CLOSE_TIMEOUT} without an answer.
	 * @return completes when the TCP connection has closed
	 */
	Future<?> close(int code, String reason) {
		Channel target = this.channel;
		if (target == null) {
			return ImmediateEventExecutor.INSTANCE.newSucceededFuture(null);
		}
		target.eventLoop().execute(() -> {
			if (target.isActive() && !this.closing) {
				this.closing = true;
				target.write(new TextWebSocketFrame(ProtocolFrames.error(code, reason)));
				target.writeAndFlush(new CloseWebSocketFrame(code, reason));
				ScheduledFuture<?> timeout = target.eventLoop()
					.schedule(() -> target.close(), CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				target.closeFuture().addListener((closed) -> timeout.cancel(false));
			}
		});
		return target.closeFuture();
	}

	/**
	 * A close frame from the client: the answer to the server's, after which TCP closes,
	 * or the client's own, which the server echoes before closing.
	 */
	private void closeFrame(ChannelHandlerContext ctx, CloseWebSocketFrame frame) {
		if (this.closing) {
			frame.release();
			ctx.close();
		}
		else {
			this.closing = true;
			ctx.writeAndFlush(frame).addListener(ChannelFutureListener.CLOSE);
		}
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
		if (event instanceof HandshakeComplete handshake) {
			opened(ctx, handshake.requestUri());
		}
		else if (event instanceof IdleStateEvent && this.established) {
			idle(ctx);
		}
		else {
			super.userEventTriggered(ctx, event);
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
		if (message instanceof TextWebSocketFrame text) {
			try {
				if (this.established) {
					activity();
					received(text.text());
				}
			}
			finally {
				text.release();
			}
		}
		else if (message instanceof CloseWebSocketFrame close) {
			closeFrame(ctx, close);
		}
		else if (message instanceof BinaryWebSocketFrame binary) {
			binary.release();
			error(null, "Binary frames are not supported: send JSON text frames");
		}
		else {
			super.channelRead(ctx, message);
		}
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		if (this.established) {
			cancelPongTimeout();
			this.channels.disconnected(this);
			if (logger.isDebugEnabled()) {
				logger.debug("Socket " + this.socketId + " disconnected");
			}
		}
		super.channelInactive(ctx);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		if (this.closing) {
			// a write after the close frame, refused by Netty: the connection is
			// closing anyway
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Closing the connection of socket " + this.socketId + " after "
					+ cause.getClass().getSimpleName() + ": " + cause.getMessage());
		}
		if (this.established && ctx.channel().isActive()) {
			boolean tooLong = cause instanceof TooLongFrameException
					|| (cause instanceof CorruptedWebSocketFrameException corrupted
							&& corrupted.closeStatus() == WebSocketCloseStatus.MESSAGE_TOO_BIG);
			WebSocketCloseStatus status = tooLong ? WebSocketCloseStatus.MESSAGE_TOO_BIG
					: WebSocketCloseStatus.PROTOCOL_ERROR;
			this.closing = true;
			ctx.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
		}
		else {
			ctx.close();
		}
	}

	private void opened(ChannelHandlerContext ctx, String uri) {
		QueryStringDecoder request = new QueryStringDecoder(uri);
		String key = request.path().substring("/app/".length());
		if (!key.equals(this.settings.key())) {
			refuse(ctx, 4001, "App key " + key + " does not exist");
			return;
		}
		List<String> protocol = request.parameters().get("protocol");
		if (protocol == null || protocol.isEmpty()) {
			refuse(ctx, 4008, "No protocol version supplied");
			return;
		}
		int version;
		try {
			version = Integer.parseInt(protocol.get(0));
		}
		catch (NumberFormatException ex) {
			refuse(ctx, 4006, "Invalid version string format");
			return;
		}
		if (version < MIN_PROTOCOL || version > MAX_PROTOCOL) {
			refuse(ctx, 4007, "Unsupported protocol version " + version);
			return;
		}
		this.channel = ctx.channel();
		this.established = true;
		Duration timeout = this.settings.activityTimeout();
		ctx.pipeline()
			.addBefore(ctx.name(), "idle", new IdleStateHandler(timeout.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
		this.channels.connected(this);
		send(ProtocolFrames.connectionEstablished(this.socketId, Math.max(1, timeout.toSeconds())));
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + this.socketId + " connected from " + ctx.channel().remoteAddress() + " ("
					+ request.parameters().getOrDefault("client", List.of("unknown client")).get(0) + ", protocol "
					+ version + ")");
		}
	}

	private void refuse(ChannelHandlerContext ctx, int code, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Refused a connection from " + ctx.channel().remoteAddress() + ": " + code + " " + reason);
		}
		this.closing = true;
		ctx.write(new TextWebSocketFrame(ProtocolFrames.error(code, reason)));
		ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
	}

	/**
	 * No message for an activity timeout: ping, and close if no pong comes back in time.
	 */
	private void idle(ChannelHandlerContext ctx) {
		if (this.pongTimeout != null) {
			return;
		}
		send(ProtocolFrames.PING);
		long wait = this.settings.pongTimeout().toMillis();
		this.pongTimeout = ctx.executor().schedule(() -> {
			if (logger.isDebugEnabled()) {
				logger.debug("Socket " + this.socketId + " sent no pong in time");
			}
			close(4201, "Pong reply not received");
		}, wait, TimeUnit.MILLISECONDS);
	}

	private void activity() {
		cancelPongTimeout();
	}

	private void cancelPongTimeout() {
		if (this.pongTimeout != null) {
			this.pongTimeout.cancel(false);
			this.pongTimeout = null;
		}
	}

	private void received(String text) {
		JsonNode message;
		try {
			message = ProtocolFrames.json.readTree(text);
		}
		catch (JacksonException ex) {
			error(null, "Malformed message: not JSON");
			return;
		}
		JsonNode event = message.get("event");
		if (!message.isObject() || event == null || !event.isString()) {
			error(null, "Malformed message: expected a JSON object with a string 'event'");
			return;
		}
		String name = event.stringValue();
		switch (name) {
			case "pusher:ping" -> send(ProtocolFrames.PONG);
			case "pusher:pong" -> {
			}
			case "pusher:subscribe" -> withData(message, this::subscribe);
			case "pusher:unsubscribe" -> withData(message, this::unsubscribe);
			case "pusher:signin" -> withData(message, this::signIn);
			default -> {
				if (name.startsWith("client-")) {
					clientEvent(name, message);
				}
				else {
					error(null, "Unknown event: " + abbreviate(name));
				}
			}
		}
	}

	private void withData(JsonNode message, Consumer<JsonNode> handler) {
		JsonNode data = message.get("data");
		if (data != null && data.isString()) {
			try {
				data = ProtocolFrames.json.readTree(data.stringValue());
			}
			catch (JacksonException ex) {
				data = null;
			}
		}
		if (data == null || !data.isObject()) {
			error(null, "Malformed message: " + message.get("event").stringValue()
					+ " needs 'data', a JSON object or a string holding one");
			return;
		}
		handler.accept(data);
	}

	private void subscribe(JsonNode data) {
		String channel = string(data, "channel");
		if (channel == null) {
			error(null, "Malformed message: pusher:subscribe needs a string 'channel'");
			return;
		}
		if (channel.startsWith(ChannelNames.SERVER_TO_USER_PREFIX)) {
			// clients subscribe to their own user channel after signing in
			if (channel.equals(ChannelNames.SERVER_TO_USER_PREFIX + this.userId)) {
				send(ProtocolFrames.subscriptionSucceeded(channel));
			}
			else {
				subscriptionError(channel, "AuthError", "Sign in as this user before subscribing to " + channel, 403);
			}
			return;
		}
		try {
			ChannelNames.validate(channel);
		}
		catch (PusherValidationException ex) {
			subscriptionError(channel, "InvalidChannel", ex.getMessage(), 400);
			return;
		}
		Member member = null;
		if (ChannelNames.isPresence(channel)) {
			String channelData = string(data, "channel_data");
			if (channelData == null || !this.settings.signatures()
				.isValidPresenceAuth(this.socketId, channel, channelData, string(data, "auth"))) {
				subscriptionError(channel, "AuthError", "Invalid signature for presence channel " + channel, 401);
				return;
			}
			member = member(channel, channelData);
			if (member == null) {
				return;
			}
		}
		else if (ChannelNames.isPrivate(channel)
				&& !this.settings.signatures().isValidPrivateAuth(this.socketId, channel, string(data, "auth"))) {
			subscriptionError(channel, "AuthError", "Invalid signature for private channel " + channel, 401);
			return;
		}
		this.channels.subscribe(this, channel, member);
	}

	private @Nullable Member member(String channel, String channelData) {
		JsonNode parsed;
		try {
			parsed = ProtocolFrames.json.readTree(channelData);
		}
		catch (JacksonException ex) {
			parsed = null;
		}
		JsonNode id = (parsed != null && parsed.isObject()) ? parsed.get("user_id") : null;
		String memberId = (id != null && (id.isString() || id.isIntegralNumber())) ? id.asString() : null;
		if (memberId == null || memberId.isEmpty() || memberId.length() > PusherLimits.MAX_USER_ID_LENGTH) {
			subscriptionError(channel, "InvalidChannelData",
					"channel_data must be a JSON object with a user_id of 1 to " + PusherLimits.MAX_USER_ID_LENGTH
							+ " characters",
					400);
			return null;
		}
		JsonNode userInfo = parsed.path("user_info");
		if (userInfo.isMissingNode()) {
			userInfo = ProtocolFrames.json.nullNode();
		}
		if (userInfo.toString().getBytes(StandardCharsets.UTF_8).length > PusherLimits.MAX_USER_INFO_SIZE.toBytes()) {
			subscriptionError(channel, "InvalidChannelData",
					"user_info is larger than " + PusherLimits.MAX_USER_INFO_SIZE.toKilobytes() + "KB", 400);
			return null;
		}
		return new Member(memberId, userInfo);
	}

	private void unsubscribe(JsonNode data) {
		String channel = string(data, "channel");
		if (channel == null) {
			error(null, "Malformed message: pusher:unsubscribe needs a string 'channel'");
			return;
		}
		this.channels.unsubscribe(this, channel);
	}

	private void signIn(JsonNode data) {
		String userData = string(data, "user_data");
		String auth = string(data, "auth");
		if (userData == null || !this.settings.signatures().isValidUserAuth(this.socketId, userData, auth)) {
			unauthorized("Invalid signature for pusher:signin");
			return;
		}
		SignedInUser user;
		try {
			user = SignedInUser.of(userData, this.channels.watchlistEvents());
		}
		catch (IllegalArgumentException ex) {
			unauthorized(ex.getMessage());
			return;
		}
		String previous = this.userId;
		if (previous != null && !previous.equals(user.id())) {
			error(null, "Already signed in as another user");
			return;
		}
		this.userId = user.id();
		String watched = this.channels.signIn(this, user.id(), user.watchlist());
		send(ProtocolFrames.signinSuccess(userData));
		if (user.watchlistTruncated()) {
			error(4302, "Watchlist limit exceeded. Only the first " + PusherLimits.MAX_WATCHLIST_SIZE
					+ " user IDs are accepted.");
		}
		if (watched != null) {
			send(watched);
		}
	}

	private void unauthorized(String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + this.socketId + " failed to sign in: " + reason);
		}
		close(4009, reason);
	}

	private void clientEvent(String event, JsonNode message) {
		String channel = string(message, "channel");
		JsonNode data = message.get("data");
		if (channel == null || data == null) {
			error(null, "Malformed message: client events need a string 'channel' and 'data'");
			return;
		}
		if (!this.subscriptions.contains(channel)) {
			error(null, "Client event rejected: not subscribed to " + abbreviate(channel));
			return;
		}
		if (ChannelNames.isEncrypted(channel)
				|| !(ChannelNames.isPrivate(channel) || ChannelNames.isPresence(channel))) {
			error(null, "Client event rejected: client events are only allowed on private and presence channels, "
					+ "not encrypted ones");
			return;
		}
		if (event.length() > PusherLimits.MAX_EVENT_NAME_LENGTH) {
			error(null, "Client event rejected: event names have at most " + PusherLimits.MAX_EVENT_NAME_LENGTH
					+ " characters");
			return;
		}
		if (!withinRateLimit()) {
			error(4301, "Client event rejected due to rate limit: at most " + MAX_CLIENT_EVENTS_PER_SECOND
					+ " per second per connection");
			return;
		}
		int size = (data.isString() ? data.stringValue() : data.toString()).getBytes(StandardCharsets.UTF_8).length;
		if (size > PusherLimits.MAX_PAYLOAD_SIZE.toBytes()) {
			error(null, "Client event rejected: data is " + size + " bytes, the limit is "
					+ PusherLimits.MAX_PAYLOAD_SIZE.toKilobytes() + "KB");
			return;
		}
		this.channels.clientEvent(this, channel, event, data, this.channels.memberId(this, channel));
	}

	private boolean withinRateLimit() {
		long now = System.nanoTime();
		if (now - this.clientEventWindowStart >= TimeUnit.SECONDS.toNanos(1)) {
			this.clientEventWindowStart = now;
			this.clientEventsInWindow = 0;
		}
		return ++this.clientEventsInWindow <= MAX_CLIENT_EVENTS_PER_SECOND;
	}

	private void subscriptionError(String channel, String type, String error, int status) {
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + this.socketId + " was refused " + abbreviate(channel) + ": " + error);
		}
		send(ProtocolFrames.subscriptionError(channel, type, error, status));
	}

	private void error(@Nullable Integer code, String message) {
		if (logger.isDebugEnabled()) {
			logger.debug("Socket " + this.socketId + ": " + message);
		}
		send(ProtocolFrames.error(code, message));
	}

	private static @Nullable String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	@Override
	public String toString() {
		return "ClientConnection[" + this.socketId + "]";
	}

	/**
	 * What every connection of a server shares.
	 *
	 * @param key the app key clients must connect with
	 * @param signatures verifies subscription and sign-in signatures
	 * @param activityTimeout how long a connection may be silent before a ping
	 * @param pongTimeout how long to wait for the pong
	 */
	record ConnectionSettings(String key, AuthSignatures signatures, Duration activityTimeout, Duration pongTimeout) {
	}

}
