package io.pusherspring.event;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.SocketIds;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;

/**
 * Publishes the events of a {@link PusherEvent @PusherEvent} method once it has returned:
 * evaluates each annotation's expressions with the call's arguments and result, and hands
 * the message to the {@link PusherEventDispatcher}.
 */
final class PusherEventInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(PusherEventInterceptor.class);

	private final PusherEventMethods methods;

	private final PusherEventExpressionEvaluator evaluator;

	private final Supplier<PusherEventDispatcher> dispatcher;

	private final Supplier<@Nullable SocketIdResolver> socketIdResolver;

	PusherEventInterceptor(PusherEventMethods methods, PusherEventExpressionEvaluator evaluator,
			Supplier<PusherEventDispatcher> dispatcher, Supplier<@Nullable SocketIdResolver> socketIdResolver) {
		this.methods = methods;
		this.evaluator = evaluator;
		this.dispatcher = dispatcher;
		this.socketIdResolver = socketIdResolver;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		PusherEventMethod method = this.methods.find(invocation.getMethod(),
				(target != null) ? AopUtils.getTargetClass(target) : null);
		if (method == null) {
			return invocation.proceed();
		}
		// read on the caller's thread, before the result may arrive on another
		String socketId = method.needsSocketId() ? socketId() : null;
		Object result = invocation.proceed();
		@Nullable Object[] arguments = invocation.getArguments();
		if (method.futureResult() && result instanceof CompletionStage<?> future) {
			return future.thenApply((value) -> {
				publish(method, arguments, value, socketId);
				return value;
			});
		}
		publish(method, arguments, result, socketId);
		return result;
	}

	private void publish(PusherEventMethod method, @Nullable Object[] arguments, @Nullable Object result,
			@Nullable String socketId) {
		Object value = (result instanceof Optional<?> optional) ? optional.orElse(null) : result;
		ReturnedCall call = new ReturnedCall(this.evaluator, method.method(), arguments, value);
		PusherEventDispatcher dispatcher = this.dispatcher.get();
		for (PusherEventOperation operation : method.operations()) {
			PusherMessage message;
			try {
				message = operation.evaluate(call, socketId);
			}
			catch (RuntimeException ex) {
				dispatcher.failed(method.method(), null, ex, true);
				continue;
			}
			if (message != null) {
				dispatcher.dispatch(method.method(), message, operation.afterCommit(), operation.async());
			}
		}
	}

	private @Nullable String socketId() {
		SocketIdResolver resolver = this.socketIdResolver.get();
		String socketId = (resolver != null) ? resolver.resolveSocketId() : null;
		if (socketId == null || SocketIds.isValid(socketId)) {
			return socketId;
		}
		logger.debug("Ignoring a malformed socket id in the request; publishing to every subscriber");
		return null;
	}

}
