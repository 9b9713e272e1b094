package io.pusherspring.event;

import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * An application event that is also a Pusher event: publish it with
 * {@link org.springframework.context.ApplicationEventPublisher#publishEvent(Object)} and
 * it is broadcast on its channels. Inside a transaction it is broadcast after commit, and
 * never after a rollback; outside one, at once.
 *
 * <pre class="code">
 * record SessionStarted(long sessionId, String title) implements PusherBroadcast {
 *
 *     public List&lt;String&gt; channels() {
 *         return List.of("presence-session-" + sessionId);
 *     }
 *
 *     public String event() {
 *         return "session.started";
 *     }
 *
 *     public Object data() {
 *         return Map.of("sessionId", sessionId, "title", title);
 *     }
 *
 * }
 * </pre>
 *
 * With Spring Modulith's event publication registry on the class path, broadcasts are
 * durable: a broadcast whose trigger fails stays an incomplete publication until it is
 * resubmitted. Such events must then be readable by the registry's serializer (Jackson):
 * records of simple values are.
 *
 * @see PusherEvent
 */
public interface PusherBroadcast {

	/**
	 * The channels to broadcast on.
	 * @return one or more channel names
	 */
	Collection<String> channels();

	/**
	 * The event name.
	 * @return the event name
	 */
	String event();

	/**
	 * The event data: a {@link String} is sent as it is, anything else as JSON.
	 * @return the data
	 */
	Object data();

	/**
	 * The connection that should not receive the broadcast, typically the one whose
	 * request caused it.
	 * @return a socket id, or {@code null} (the default) to reach every subscriber
	 */
	default @Nullable String excludeSocketId() {
		return null;
	}

}
