package io.pusherspring.event;

import io.pusherspring.core.PusherMessage;

import org.springframework.context.event.EventListener;
import org.springframework.util.Assert;

/**
 * Broadcasts {@link PusherBroadcast} application events: after the active transaction
 * commits, or at once without one. A failure is reported as a
 * {@link PusherPublishFailedEvent}.
 *
 * @see DurablePusherBroadcastListener
 */
public class PusherBroadcastListener {

	private final PusherEventDispatcher dispatcher;

	/**
	 * Create a listener.
	 * @param dispatcher publishes the broadcasts
	 */
	public PusherBroadcastListener(PusherEventDispatcher dispatcher) {
		Assert.notNull(dispatcher, "'dispatcher' must not be null");
		this.dispatcher = dispatcher;
	}

	/**
	 * Broadcast an event.
	 * @param broadcast the event
	 */
	@EventListener
	public void broadcast(PusherBroadcast broadcast) {
		PusherMessage message;
		try {
			message = message(broadcast);
		}
		catch (RuntimeException ex) {
			this.dispatcher.failed(broadcast, null, ex, true);
			return;
		}
		this.dispatcher.dispatch(broadcast, message, true, false);
	}

	static PusherMessage message(PusherBroadcast broadcast) {
		return PusherMessage.builder()
			.channels(broadcast.channels())
			.event(broadcast.event())
			.data(broadcast.data())
			.excludeSocketId(broadcast.excludeSocketId())
			.build();
	}

}
