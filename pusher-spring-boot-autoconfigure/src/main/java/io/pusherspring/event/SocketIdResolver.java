package io.pusherspring.event;

import org.jspecify.annotations.Nullable;

/**
 * Finds the socket id of the connection that caused the current call, for
 * {@link PusherEvent#toOthers()}. The auto-configured one reads the current servlet
 * request's {@code X-Socket-ID} header ({@code pusher.events.socket-id-header}); define a
 * bean of your own to read it from elsewhere.
 *
 * @see RequestHeaderSocketIdResolver
 */
@FunctionalInterface
public interface SocketIdResolver {

	/**
	 * The socket id of the current caller. Values that are not valid socket ids are
	 * ignored.
	 * @return the socket id, or {@code null} if there is none
	 */
	@Nullable String resolveSocketId();

}
