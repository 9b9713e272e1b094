package io.pusherspring.event;

import java.util.function.Supplier;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

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
	 * @param operations supplies the operations to publish with, asked on first use
	 * @param eventPublisher publishes {@link PusherPublishFailedEvent}s
	 * @param failOnError whether a failure outside a transaction is thrown to the code
	 * that published the event, after it is reported
	 */
	public PusherBroadcastListener(Supplier<PusherOperations> operations, ApplicationEventPublisher eventPublisher,
			boolean failOnError) {
		this.dispatcher = new PusherEventDispatcher(operations, eventPublisher, failOnError);
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
