package io.pusherspring.event;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;

/**
 * A call of a {@link PusherEvent @PusherEvent} method that has returned: its arguments
 * and result, and the SpEL evaluation context over them, made when an expression first
 * needs it (a {@link NameTemplate} of plain references needs none). Used by one thread.
 */
final class ReturnedCall {

	/** The position {@link #value(int)} gives the result for. */
	static final int RESULT_POSITION = -1;

	private final PusherEventExpressionEvaluator evaluator;

	private final Method method;

	private final @Nullable Object[] arguments;

	private final @Nullable Object result;

	private @Nullable EvaluationContext evaluationContext;

	/**
	 * Create a call.
	 * @param evaluator makes the evaluation context
	 * @param method the annotated method, as declared by the bean's class
	 * @param arguments the arguments
	 * @param result the result, unwrapped from its future or {@code Optional}
	 */
	ReturnedCall(PusherEventExpressionEvaluator evaluator, Method method, @Nullable Object[] arguments,
			@Nullable Object result) {
		this.evaluator = evaluator;
		this.method = method;
		this.arguments = arguments;
		this.result = result;
	}

	@Nullable Object result() {
		return this.result;
	}

	/**
	 * An argument, or the result.
	 * @param position the argument's position, or {@link #RESULT_POSITION}
	 * @return its value
	 */
	@Nullable Object value(int position) {
		return (position == RESULT_POSITION) ? this.result : this.arguments[position];
	}

	EvaluationContext evaluationContext() {
		EvaluationContext context = this.evaluationContext;
		if (context == null) {
			context = this.evaluator.createEvaluationContext(this.method, this.arguments, this.result);
			this.evaluationContext = context;
		}
		return context;
	}

}
