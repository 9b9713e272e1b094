package io.pusherspring.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * An {@link ObservationConvention} for {@link PusherTemplate} calls. Declare a bean of
 * this type to replace the {@link DefaultPusherObservationConvention}, or extend the
 * default to add or change keys.
 *
 * @see PusherObservation
 */
public interface PusherObservationConvention extends ObservationConvention<PusherObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof PusherObservationContext;
	}

	@Override
	default String getName() {
		return DefaultPusherObservationConvention.NAME;
	}

}
