package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherValidationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Publishes the messages of {@link PusherEvent @PusherEvent} methods and
 * {@link PusherBroadcast} events through {@link PusherOperations}: at once or after the
 * active transaction commits, blocking or not, and reports failures: it logs them without
 * data or secrets and publishes a {@link PusherPublishFailedEvent}.
 */
final class PusherEventDispatcher {

	private static final Log logger = LogFactory.getLog(PusherEventDispatcher.class);

	private final Supplier<PusherOperations> operations;

	private final ApplicationEventPublisher eventPublisher;

	private final boolean failOnError;

	/**
	 * Create a dispatcher.
	 * @param operations supplies the operations to publish with, asked on first use
	 * @param eventPublisher publishes {@link PusherPublishFailedEvent}s
	 * @param failOnError whether a failure that happens before the method's result is
	 * handed back (not after a commit, not asynchronously) is thrown to the caller after
	 * it is reported
	 */
	PusherEventDispatcher(Supplier<PusherOperations> operations, ApplicationEventPublisher eventPublisher,
			boolean failOnError) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.notNull(eventPublisher, "'eventPublisher' must not be null");
		this.operations = SingletonSupplier.of(operations);
		this.eventPublisher = eventPublisher;
		this.failOnError = failOnError;
	}

	/**
	 * Publish a message after the active transaction commits, or at once without one.
	 * @param source the annotated method or the broadcast, for failure reports
	 * @param message the message
	 * @param afterCommit whether to wait for the active transaction to commit
	 * @param async whether to publish with {@link PusherOperations#triggerAsync}
	 */
	void dispatch(Object source, PusherMessage message, boolean afterCommit, boolean async) {
		if (afterCommit && AfterCommit.register(() -> publish(source, message, async, false))) {
			return;
		}
		publish(source, message, async, true);
	}

	/**
	 * Publish a message at once and block until Pusher answers, for a publication
	 * registry that learns the outcome from the returned future. A failure is reported,
	 * and never thrown. A message that cannot be sent as it is counts as done: sending it
	 * again would fail the same way.
	 * @param source the broadcast
	 * @param message builds the message
	 * @return a future that is already complete: with {@code null} once Pusher accepted
	 * the message or if it can never be sent, or with the failure
	 */
	CompletableFuture<@Nullable Void> publishReportingOutcome(Object source, Supplier<PusherMessage> message) {
		PusherMessage built = null;
		try {
			built = message.get();
			this.operations.get().trigger(built);
		}
		catch (PusherValidationException ex) {
			report(source, built, ex);
		}
		catch (RuntimeException ex) {
			report(source, built, ex);
			return (built != null) ? CompletableFuture.failedFuture(ex) : CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.completedFuture(null);
	}

	/**
	 * Report a failure to publish.
	 * @param source the annotated method or the broadcast
	 * @param message the message, or {@code null} if it could not be built
	 * @param failure the failure
	 * @param reachesCaller whether the caller can still be told: the failure happened
	 * before the method's result was handed back, not after a commit; with
	 * {@code pusher.events.fail-on-error} it is then rethrown
	 */
	void failed(Object source, @Nullable PusherMessage message, RuntimeException failure, boolean reachesCaller) {
		report(source, message, failure);
		if (reachesCaller && this.failOnError) {
			throw failure;
		}
	}

	private void publish(Object source, PusherMessage message, boolean async, boolean reachesCaller) {
		PusherOperations operations = this.operations.get();
		if (!async) {
			try {
				operations.trigger(message);
			}
			catch (RuntimeException ex) {
				failed(source, message, ex, reachesCaller);
			}
			return;
		}
		CompletableFuture<?> call;
		try {
			call = operations.triggerAsync(message);
		}
		catch (RuntimeException ex) {
			failed(source, message, ex, reachesCaller);
			return;
		}
		call.whenComplete((result, failure) -> {
			if (failure != null) {
				// off the transport's I/O thread: listeners of the failure event may
				// block
				CompletableFuture.runAsync(() -> report(source, message, unwrap(failure)));
			}
		});
	}

	private void report(Object source, @Nullable PusherMessage message, Throwable failure) {
		String what = (message != null) ? "'" + message.event() + "' on " + message.channels() : "an event";
		String description = describe(source);
		String reason = String.valueOf(failure.getMessage());
		logger.warn("Could not publish " + what + (reason.startsWith(description) ? "" : " for " + description) + ": "
				+ reason);
		if (logger.isDebugEnabled()) {
			logger.debug("Failure to publish " + what, failure);
		}
		try {
			this.eventPublisher.publishEvent(new PusherPublishFailedEvent(source, message, failure));
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of PusherPublishFailedEvent failed: " + ex.getMessage());
		}
	}

	static String describe(Object source) {
		if (source instanceof Method method) {
			return "@PusherEvent on " + InvalidPusherEventException.describe(method);
		}
		return "PusherBroadcast " + ClassUtils.getShortName(ClassUtils.getUserClass(source));
	}

	private static Throwable unwrap(Throwable failure) {
		return (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause() : failure;
	}

}
