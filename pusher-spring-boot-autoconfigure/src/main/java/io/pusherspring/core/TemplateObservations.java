package io.pusherspring.core;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes {@link PusherTemplate} calls. The only class of the template that touches
 * Micrometer: the template loads it only when an {@link ObservationRegistry} is set, so
 * that it works without Micrometer on the class path.
 */
final class TemplateObservations {

	/**
	 * Where a reactive caller's context holds the current observation: the key of
	 * Micrometer's {@code ObservationThreadLocalAccessor}, under which Spring's WebFlux
	 * and WebClient put it. A constant, so that reading a context does not load this
	 * class.
	 */
	static final String CONTEXT_KEY = "micrometer.observation";

	private final ObservationRegistry registry;

	private final @Nullable PusherObservationConvention convention;

	TemplateObservations(ObservationRegistry registry, @Nullable PusherObservationConvention convention) {
		this.registry = registry;
		this.convention = convention;
	}

	/**
	 * Whether a call should be observed now. Asked at every call, as Micrometer does: a
	 * registry without handlers is no-op only until handlers are added, which may happen
	 * after the template is built. When it is no-op, the template builds no context.
	 */
	boolean isActive() {
		return !this.registry.isNoop();
	}

	<T> T observe(String operation, List<String> eventNames, List<String> channels, Supplier<T> call) {
		return observation(operation, eventNames, channels).observe(call);
	}

	/**
	 * Observe an asynchronous call until its future completes. The future returned
	 * completes after the observation has stopped; cancelling it cancels the call's.
	 * @param parent the observation to nest this one under, from a reactive caller's
	 * context, or {@code null} for the current one
	 */
	<T> CompletableFuture<T> observeAsync(String operation, List<String> eventNames, List<String> channels,
			@Nullable Object parent, Supplier<CompletableFuture<T>> call) {
		Observation observation = observation(operation, eventNames, channels);
		if (parent instanceof Observation parentObservation) {
			observation.parentObservation(parentObservation);
		}
		observation.start();
		CompletableFuture<T> future;
		try (Observation.Scope scope = observation.openScope()) {
			future = call.get();
		}
		catch (RuntimeException | Error ex) {
			observation.error(ex);
			observation.stop();
			throw ex;
		}
		return Futures.whenComplete(future, (result, failure) -> {
			if (failure != null) {
				observation.error(Futures.unwrap(failure));
			}
			observation.stop();
		});
	}

	private Observation observation(String operation, List<String> eventNames, List<String> channels) {
		PusherObservationContext context = new PusherObservationContext(operation, eventNames, channels);
		return PusherObservation.TEMPLATE.observation(this.convention, DefaultPusherObservationConvention.INSTANCE,
				() -> context, this.registry);
	}

}
