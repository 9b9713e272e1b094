package io.pusherspring.webhook;

import io.micrometer.observation.Observation;

/**
 * What the observation of one webhook entry, published to the application's listeners,
 * knows: the entry. A listener's failure is the context's {@linkplain #getError() error}.
 *
 * @see PusherWebhookObservation#EVENT
 */
public class PusherWebhookEventObservationContext extends Observation.Context {

	private final WebhookEvent event;

	/**
	 * Create a context.
	 * @param event the entry published
	 */
	public PusherWebhookEventObservationContext(WebhookEvent event) {
		this.event = event;
	}

	/**
	 * The entry published.
	 * @return the webhook event
	 */
	public WebhookEvent getEvent() {
		return this.event;
	}

}
