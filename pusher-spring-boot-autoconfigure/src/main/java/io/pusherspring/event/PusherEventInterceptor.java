package io.pusherspring.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.SocketIds;
import io.pusherspring.event.PusherEventMethod.Returns;
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

	private final Supplier<ReactivePusherEvents> reactive;

	/**
	 * Create an interceptor.
	 * @param methods the parsed methods
	 * @param evaluator evaluates their expressions
	 * @param dispatcher publishes the events of methods that return a value or a future
	 * @param socketIdResolver the caller's socket id, for {@code toOthers}
	 * @param reactive publishes the events of methods that return a {@code Mono} or a
	 * {@code Flux}; asked only for those, so that Reactor is needed only then
	 */
	PusherEventInterceptor(PusherEventMethods methods, PusherEventExpressionEvaluator evaluator,
			Supplier<PusherEventDispatcher> dispatcher, Supplier<@Nullable SocketIdResolver> socketIdResolver,
			Supplier<ReactivePusherEvents> reactive) {
		this.methods = methods;
		this.evaluator = evaluator;
		this.dispatcher = dispatcher;
		this.socketIdResolver = socketIdResolver;
		this.reactive = reactive;
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
		if (method.returns() == Returns.FUTURE && result instanceof CompletionStage<?> future) {
			return future.thenApply((value) -> {
				publish(method, arguments, value, socketId);
				return value;
			});
		}
		if (method.returns().isReactive() && result != null) {
			return this.reactive.get()
				.publishing(method.method(), result, (value) -> publications(method, arguments, value, socketId));
		}
		publish(method, arguments, result, socketId);
		return result;
	}

	private void publish(PusherEventMethod method, @Nullable Object[] arguments, @Nullable Object result,
			@Nullable String socketId) {
		PusherEventDispatcher dispatcher = this.dispatcher.get();
		for (Publication publication : publications(method, arguments, result, socketId)) {
			dispatcher.dispatch(method.method(), publication.message(), publication.afterCommit(), publication.async());
		}
	}

	/**
	 * The events of one result, in the order declared. An expression that fails is
	 * reported, and thrown with {@code pusher.events.fail-on-error}.
	 */
	private List<Publication> publications(PusherEventMethod method, @Nullable Object[] arguments,
			@Nullable Object result, @Nullable String socketId) {
		Object value = (result instanceof Optional<?> optional) ? optional.orElse(null) : result;
		ReturnedCall call = new ReturnedCall(this.evaluator, method.method(), arguments, value);
		List<Publication> publications = new ArrayList<>(method.operations().size());
		for (PusherEventOperation operation : method.operations()) {
			PusherMessage message;
			try {
				message = operation.evaluate(call, socketId);
			}
			catch (RuntimeException ex) {
				this.dispatcher.get().failed(method.method(), null, ex, true);
				continue;
			}
			if (message != null) {
				publications.add(new Publication(message, operation.afterCommit(), operation.async()));
			}
		}
		return publications;
	}

	/**
	 * One event of a result.
	 *
	 * @param message the message
	 * @param afterCommit whether to publish after the active transaction commits
	 * @param async whether to publish without blocking
	 */
	record Publication(PusherMessage message, boolean afterCommit, boolean async) {

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
