package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.core.ReactivePusherTemplate;
import io.pusherspring.event.PusherEventInterceptor.Publication;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.function.SingletonSupplier;

/**
 * Publishes the events of {@link PusherEvent @PusherEvent} methods that return a
 * {@link Mono} or a {@link Flux}, as part of the returned pipeline: once the {@code Mono}
 * emits, or once per element of the {@code Flux}, and only for subscriptions. The value
 * passes on once its events have been published (or, inside a reactive transaction,
 * registered to be published after the commit), so a failure can reach the subscriber
 * with {@code pusher.events.fail-on-error}. Nothing here blocks: events go out through
 * {@link ReactivePusherOperations}, and failures are reported off the calling thread. The
 * only class of the package that needs Reactor, loaded when a method returns one of its
 * types.
 */
final class ReactivePusherEvents {

	private final PusherEventDispatcher dispatcher;

	private final Supplier<Function<PusherMessage, Mono<?>>> trigger;

	/**
	 * Create the publisher.
	 * @param dispatcher reports failures
	 * @param trigger supplies the non-blocking trigger, asked on first use
	 */
	ReactivePusherEvents(PusherEventDispatcher dispatcher, Supplier<Function<PusherMessage, Mono<?>>> trigger) {
		this.dispatcher = dispatcher;
		this.trigger = trigger;
	}

	/**
	 * Publish through the application's {@link ReactivePusherOperations}, or else the
	 * asynchronous calls of its {@link PusherOperations}, started off non-blocking
	 * threads.
	 * @param dispatcher reports failures
	 * @param beans where to find the operations, on first use
	 * @return the publisher
	 */
	static ReactivePusherEvents create(PusherEventDispatcher dispatcher, ListableBeanFactory beans) {
		return new ReactivePusherEvents(dispatcher, SingletonSupplier.of(() -> {
			ReactivePusherOperations reactive = beans.getBeanProvider(ReactivePusherOperations.class).getIfAvailable();
			if (reactive != null) {
				return reactive::trigger;
			}
			PusherOperations operations = beans.getBean(PusherOperations.class);
			if (operations instanceof PusherTemplate template) {
				return new ReactivePusherTemplate(template)::trigger;
			}
			return (message) -> {
				Mono<?> call = Mono.fromFuture(() -> operations.triggerAsync(message));
				return Schedulers.isInNonBlockingThread() ? call.subscribeOn(Schedulers.boundedElastic()) : call;
			};
		}));
	}

	/**
	 * The method's result, publishing the events of each value it emits.
	 * @param source the annotated method
	 * @param result the {@code Mono} or {@code Flux} the method returned
	 * @param publications the events of one value, evaluated when it arrives
	 * @return the pipeline to hand back to the caller
	 */
	Object publishing(Method source, Object result, Function<Object, List<Publication>> publications) {
		if (result instanceof Mono<?> mono) {
			return mono.flatMap((value) -> publish(source, value, publications).thenReturn(value));
		}
		return ((Flux<?>) result).concatMap((value) -> publish(source, value, publications).thenReturn(value));
	}

	private Mono<Void> publish(Method source, Object value, Function<Object, List<Publication>> publications) {
		return Flux.defer(() -> Flux.fromIterable(publications.apply(value)))
			.concatMap((publication) -> dispatch(source, publication.message(), publication.afterCommit()))
			.then();
	}

	private Mono<Void> dispatch(Method source, PusherMessage message, boolean afterCommit) {
		if (!afterCommit) {
			return publish(source, message, true);
		}
		return ReactiveAfterCommit.register(() -> publish(source, message, false))
			.flatMap((registered) -> registered ? Mono.<Void>empty() : publish(source, message, true));
	}

	private Mono<Void> publish(Method source, PusherMessage message, boolean reachesCaller) {
		return Mono.defer(() -> this.trigger.get().apply(message))
			.then()
			.onErrorResume((failure) -> Mono
				.<Void>fromRunnable(() -> this.dispatcher.failed(source, message, runtime(failure), reachesCaller))
				// listeners of the failure event may block
				.subscribeOn(Schedulers.boundedElastic()));
	}

	private static RuntimeException runtime(Throwable failure) {
		return (failure instanceof RuntimeException ex) ? ex : new IllegalStateException(failure);
	}

}
