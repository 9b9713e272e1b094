package io.pusherspring.integration.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.webhook.WebhookEvent;

import org.springframework.context.event.EventListener;

/**
 * Hears every webhook event the application publishes. A listener that fails on the
 * channel {@value #FAILING_CHANNEL}, after recording the event.
 */
public class RecordedWebhookEvents {

	static final String FAILING_CHANNEL = "private-failing";

	private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(WebhookEvent event) {
		this.events.add(event);
		if (FAILING_CHANNEL.equals(event.channel())) {
			throw new IllegalStateException("the listener failed");
		}
	}

	List<WebhookEvent> events() {
		return List.copyOf(this.events);
	}

	void clear() {
		this.events.clear();
	}

}
