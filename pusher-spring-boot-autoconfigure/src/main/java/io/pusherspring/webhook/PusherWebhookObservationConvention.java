package io.pusherspring.webhook;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for requests to the webhook path. Declare a bean of
 * this type to replace the {@link DefaultPusherWebhookObservationConvention}.
 *
 * @see PusherWebhookObservation#DELIVERY
 */
public interface PusherWebhookObservationConvention extends ObservationConvention<PusherWebhookObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PusherWebhookObservationContext;
	}

	@Override
	default String getName() {
		return DefaultPusherWebhookObservationConvention.NAME;
	}

}
