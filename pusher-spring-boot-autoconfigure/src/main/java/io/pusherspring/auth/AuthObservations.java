package io.pusherspring.auth;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Makes the {@link PusherAuthObservation observation} of each request to an auth
 * endpoint, on either web stack, with the application's registry and convention.
 */
final class AuthObservations {

	private final ObservationRegistry registry;

	private final @Nullable PusherAuthObservationConvention convention;

	AuthObservations(ObservationRegistry registry, @Nullable PusherAuthObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * An observation of one request, not started.
	 */
	Observation observation(PusherAuthObservationContext context) {
		return PusherAuthObservation.AUTH_REQUEST.observation(this.convention,
				DefaultPusherAuthObservationConvention.INSTANCE, () -> context, this.registry);
	}

}
