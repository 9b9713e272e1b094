package io.pusherspring.event;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.pusherspring.core.PusherOperations;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Broadcasts {@link PusherBroadcast} application events through Spring Modulith's event
 * publication registry: the registry stores each broadcast with the transaction that
 * publishes it, and marks it completed once Pusher has accepted it. A broadcast whose
 * trigger fails after the template's retries, or that a crash interrupts between commit
 * and trigger, stays incomplete, for
 * {@code IncompleteEventPublications.resubmitIncompletePublications(...)} or
 * {@code spring.modulith.events.republish-outstanding-events-on-restart} to deliver it
 * again. Delivery is therefore at least once. A broadcast that cannot be sent as it is
 * (an invalid channel name, data over the size limit, an exception from its own methods)
 * is reported and completed, since sending it again would fail the same way.
 * <p>
 * The outcome is returned as an already completed future, which is how the registry
 * learns of a failure without the failure reaching the code that published the event.
 */
public class DurablePusherBroadcastListener {

	/**
	 * The listener id under which the registry stores broadcasts. It must not change
	 * between releases, or stored publications would find no listener.
	 */
	public static final String LISTENER_ID = "io.pusherspring.event.PusherBroadcast";

	private final PusherEventDispatcher dispatcher;

	/**
	 * Create a listener.
	 * @param operations supplies the operations to publish with, asked on first use
	 * @param eventPublisher publishes {@link PusherPublishFailedEvent}s
	 */
	public DurablePusherBroadcastListener(Supplier<PusherOperations> operations,
			ApplicationEventPublisher eventPublisher) {
		this.dispatcher = new PusherEventDispatcher(operations, eventPublisher, false);
	}

	/**
	 * Broadcast an event and report the outcome.
	 * @param broadcast the event
	 * @return a completed future: with {@code null} once Pusher accepted the event, or
	 * with the failure
	 */
	@TransactionalEventListener(id = LISTENER_ID, fallbackExecution = true)
	public CompletableFuture<@Nullable Void> broadcast(PusherBroadcast broadcast) {
		return this.dispatcher.publishReportingOutcome(broadcast, () -> PusherBroadcastListener.message(broadcast));
	}

}
