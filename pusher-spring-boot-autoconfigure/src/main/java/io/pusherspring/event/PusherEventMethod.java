package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The parsed {@link PusherEvent @PusherEvent} annotations of one method.
 *
 * @param method the method, as declared by the bean's class
 * @param operations one per annotation, in the order declared
 * @param returns what the method returns: the result itself, or a future, {@code Mono} or
 * {@code Flux} of it
 * @param needsSocketId whether an annotation excludes the caller's socket
 * @param references what its expressions refer to
 */
record PusherEventMethod(Method method, List<PusherEventOperation> operations, Returns returns, boolean needsSocketId,
		ExpressionReferences references) {

	/**
	 * Where the value that {@code #result} names comes from.
	 */
	enum Returns {

		/** The method returns it. */
		VALUE,

		/** A {@code CompletableFuture} or {@code CompletionStage} completes with it. */
		FUTURE,

		/** A {@code Mono} emits it: published once it does. */
		MONO,

		/** A {@code Flux} emits it: published once per element. */
		FLUX;

		/**
		 * Whether the declared return type wraps the value.
		 */
		boolean wrapsValue() {
			return this != VALUE;
		}

		boolean isReactive() {
			return this == MONO || this == FLUX;
		}

	}

}
