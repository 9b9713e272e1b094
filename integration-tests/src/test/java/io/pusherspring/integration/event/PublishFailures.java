package io.pusherspring.integration.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.event.PusherPublishFailedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link PusherPublishFailedEvent}s the application received, as an application
 * would count or alert on them.
 */
@Component
public class PublishFailures {

	private final List<PusherPublishFailedEvent> events = new CopyOnWriteArrayList<>();

	// tag::listener[]
	@EventListener
	void failed(PusherPublishFailedEvent event) {
		this.events.add(event);
	}
	// end::listener[]

	public List<PusherPublishFailedEvent> events() {
		return List.copyOf(this.events);
	}

	public void clear() {
		this.events.clear();
	}

}
