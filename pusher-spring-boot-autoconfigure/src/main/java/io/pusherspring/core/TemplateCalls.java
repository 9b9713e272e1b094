package io.pusherspring.core;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * The one path every operation of a template takes, blocking or not: observes the
 * operation as a whole, validation included, and tells the publish listeners the outcome
 * of publishing operations. Shared by {@link PusherTemplate} and
 * {@link ReactivePusherTemplate}.
 */
final class TemplateCalls {

	private final PublishListeners publishListeners;

	private final @Nullable TemplateObservations observations;

	TemplateCalls(PublishListeners publishListeners, @Nullable TemplateObservations observations) {
		this.publishListeners = publishListeners;
		this.observations = observations;
	}

	<T> T run(TemplateOperation operation, Supplier<T> call) {
		T result;
		try {
			result = (this.observations != null && this.observations.isActive())
					? this.observations.observe(operation.name(), operation.eventNames(), operation.channels(), call)
					: call.get();
		}
		catch (PusherException ex) {
			this.publishListeners.failed(operation, ex);
			throw ex;
		}
		this.publishListeners.published(operation, result);
		return result;
	}

	/**
	 * Validation failures are thrown at once on the calling thread; everything after it
	 * completes the future. Cancelling the future cancels the call's requests.
	 * @param parent the observation to nest the call's under, or {@code null} for the
	 * current one
	 */
	<T> CompletableFuture<T> runAsync(TemplateOperation operation, @Nullable Object parent,
			Supplier<CompletableFuture<T>> call) {
		CompletableFuture<T> future;
		try {
			future = (this.observations != null && this.observations.isActive()) ? this.observations.observeAsync(
					operation.name(), operation.eventNames(), operation.channels(), parent, call) : call.get();
		}
		catch (PusherException ex) {
			this.publishListeners.failed(operation, ex);
			throw ex;
		}
		if (this.publishListeners.isEmpty() || operation.messages().isEmpty()) {
			return future;
		}
		return Futures.whenComplete(future, (result, failure) -> {
			if (failure == null) {
				this.publishListeners.published(operation, result);
			}
			else if (Futures.unwrap(failure) instanceof PusherException ex) {
				this.publishListeners.failed(operation, ex);
			}
		});
	}

}
