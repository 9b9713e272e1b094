package io.pusherspring.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * The variables of one call of a {@link PusherEvent @PusherEvent} method: its arguments
 * by name and position, and {@code #result}. Looked up in place rather than copied into
 * the context on every call.
 */
final class InvocationEvaluationContext extends StandardEvaluationContext {

	static final String RESULT = "result";

	private final Map<String, Integer> argumentIndex;

	private final @Nullable Object[] arguments;

	private final @Nullable Object result;

	InvocationEvaluationContext(Map<String, Integer> argumentIndex, @Nullable Object[] arguments,
			@Nullable Object result, @Nullable BeanResolver beanResolver) {
		this.argumentIndex = argumentIndex;
		this.arguments = arguments;
		this.result = result;
		if (beanResolver != null) {
			setBeanResolver(beanResolver);
		}
	}

	@Nullable Object getResult() {
		return this.result;
	}

	@Override
	public @Nullable Object lookupVariable(String name) {
		if (RESULT.equals(name)) {
			return this.result;
		}
		Integer index = this.argumentIndex.get(name);
		return (index != null) ? this.arguments[index] : super.lookupVariable(name);
	}

}
