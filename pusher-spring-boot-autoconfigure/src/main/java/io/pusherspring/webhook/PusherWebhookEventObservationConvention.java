package io.pusherspring.webhook;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for webhook entries published to the application.
 * Declare a bean of this type to replace the
 * {@link DefaultPusherWebhookEventObservationConvention}.
 *
 * @see PusherWebhookObservation#EVENT
 */
public interface PusherWebhookEventObservationConvention
		extends ObservationConvention<PusherWebhookEventObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PusherWebhookEventObservationContext;
	}

	@Override
	default String getName() {
		return DefaultPusherWebhookEventObservationConvention.NAME;
	}

}
