package io.pusherspring.auth;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for requests to the auth endpoints. Declare a bean of
 * this type to replace the {@link DefaultPusherAuthObservationConvention}, or extend the
 * default to add or change keys.
 *
 * @see PusherAuthObservation
 */
public interface PusherAuthObservationConvention extends ObservationConvention<PusherAuthObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PusherAuthObservationContext;
	}

	@Override
	default String getName() {
		return DefaultPusherAuthObservationConvention.NAME;
	}

}
