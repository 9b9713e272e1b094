package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The parsed {@link PusherEvent @PusherEvent} annotations of one method.
 *
 * @param method the method, as declared by the bean's class
 * @param operations one per annotation, in the order declared
 * @param argumentIndex the position of each argument name: parameter names, {@code p0},
 * {@code a0}, ...
 * @param futureResult whether the method returns a future whose value is the result
 * @param needsSocketId whether an annotation excludes the caller's socket
 */
record PusherEventMethod(Method method, List<PusherEventOperation> operations, Map<String, Integer> argumentIndex,
		boolean futureResult, boolean needsSocketId) {

}
