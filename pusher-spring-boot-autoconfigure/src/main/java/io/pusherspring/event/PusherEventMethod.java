package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The parsed {@link PusherEvent @PusherEvent} annotations of one method.
 *
 * @param method the method, as declared by the bean's class
 * @param operations one per annotation, in the order declared
 * @param futureResult whether the method returns a future whose value is the result
 * @param needsSocketId whether an annotation excludes the caller's socket
 * @param references what its expressions refer to
 */
record PusherEventMethod(Method method, List<PusherEventOperation> operations, boolean futureResult,
		boolean needsSocketId, ExpressionReferences references) {

}
