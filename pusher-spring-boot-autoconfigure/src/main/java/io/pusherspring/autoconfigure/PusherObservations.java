package io.pusherspring.autoconfigure;

import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The one way the auto-configurations observe what they define: the application's unique
 * {@link ObservationRegistry} and convention, unless {@code pusher.observations.enabled}
 * is {@code false}.
 */
final class PusherObservations {

	private PusherObservations() {
	}

	/**
	 * Hand the registry and the convention to a component, if observations are enabled.
	 * @param <C> the type of the component's convention
	 * @param properties the properties that may disable observations
	 * @param registry the application's registry, if it has one
	 * @param convention the application's convention, if it has one
	 * @param registrySetter takes the registry
	 * @param conventionSetter takes the convention, or {@code null} for the default
	 */
	static <C> void apply(PusherProperties properties, ObjectProvider<ObservationRegistry> registry,
			ObjectProvider<C> convention, Consumer<ObservationRegistry> registrySetter,
			Consumer<@Nullable C> conventionSetter) {
		if (properties.getObservations().isEnabled()) {
			registry.ifUnique(registrySetter);
			conventionSetter.accept(convention.getIfUnique());
		}
	}

}
