package io.pusherspring.test.local;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;

/**
 * Sends one frame to many connections: encoded once, and written by one task per event
 * loop rather than one per connection. Tasks run in submission order on each loop, so
 * every connection receives frames in the order they were delivered.
 */
final class FrameDelivery {

	static final ClientConnection[] NONE = {};

	private FrameDelivery() {
	}

	/**
	 * Send a frame to every target but one.
	 * @param excludedSocketId the socket to leave out, or {@code null}
	 * @return how many it was sent to
	 */
	static int deliver(String frame, ClientConnection[] targets, @Nullable String excludedSocketId) {
		if (targets.length == 0) {
			return 0;
		}
		ByteBuf encoded = encodeTextFrame(frame);
		Map<EventLoop, List<ClientConnection>> byLoop = new IdentityHashMap<>();
		int delivered = 0;
		for (ClientConnection target : targets) {
			EventLoop loop = target.eventLoop();
			if (loop != null && (excludedSocketId == null || !excludedSocketId.equals(target.socketId()))) {
				byLoop.computeIfAbsent(loop, (key) -> new ArrayList<>()).add(target);
				delivered++;
			}
		}
		for (Map.Entry<EventLoop, List<ClientConnection>> entry : byLoop.entrySet()) {
			ByteBuf shared = encoded.retainedDuplicate();
			List<ClientConnection> connections = entry.getValue();
			try {
				entry.getKey().execute(() -> {
					try {
						for (ClientConnection connection : connections) {
							connection.sendEncoded(shared.retainedDuplicate());
						}
					}
					finally {
						shared.release();
					}
				});
			}
			catch (RejectedExecutionException ex) {
				// the server is stopping
				shared.release();
			}
		}
		encoded.release();
		return delivered;
	}

	/**
	 * A whole unmasked WebSocket text frame, as a server sends it, so that the bytes are
	 * written as they are to every connection, bypassing the per-connection encoder.
	 */
	static ByteBuf encodeTextFrame(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		int length = payload.length;
		ByteBuf frame = Unpooled.buffer(length + 10);
		frame.writeByte(0x81);
		if (length < 126) {
			frame.writeByte(length);
		}
		else if (length <= 0xFFFF) {
			frame.writeByte(126).writeShort(length);
		}
		else {
			frame.writeByte(127).writeLong(length);
		}
		return frame.writeBytes(payload);
	}

}
