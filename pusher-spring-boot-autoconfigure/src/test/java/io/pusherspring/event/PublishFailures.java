package io.pusherspring.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;

/**
 * Records the {@link PusherPublishFailedEvent}s of a test's application context.
 */
class PublishFailures {

	final List<PusherPublishFailedEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void failed(PusherPublishFailedEvent event) {
		this.events.add(event);
	}

}
