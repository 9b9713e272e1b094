package io.pusherspring.event;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * One call of a {@link PusherEvent @PusherEvent} method: its arguments and result, and
 * the SpEL context over them. The context looks the variables up in place, and shares
 * everything else (property accessors and their caches, type converter, bean resolver)
 * with one context made once, so that evaluating an expression finds the reflection it
 * needs already done.
 */
final class Invocation implements EvaluationContext {

	static final String RESULT = "result";

	/** The position {@link #value(int)} gives the result for. */
	static final int RESULT_POSITION = -1;

	private final StandardEvaluationContext shared;

	private final Map<String, Integer> argumentIndex;

	private final @Nullable Object[] arguments;

	private final @Nullable Object result;

	private @Nullable StandardEvaluationContext assigned;

	/**
	 * Create the variables of a call.
	 * @param shared the context whose accessors, resolvers and converters every call
	 * uses; only read
	 * @param argumentIndex the position of each argument name
	 * @param arguments the arguments
	 * @param result the result
	 */
	Invocation(StandardEvaluationContext shared, Map<String, Integer> argumentIndex, @Nullable Object[] arguments,
			@Nullable Object result) {
		this.shared = shared;
		this.argumentIndex = argumentIndex;
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

	@Override
	public @Nullable Object lookupVariable(String name) {
		if (RESULT.equals(name)) {
			return this.result;
		}
		Integer index = this.argumentIndex.get(name);
		if (index != null) {
			return this.arguments[index];
		}
		return (this.assigned != null) ? this.assigned.lookupVariable(name) : null;
	}

	@Override
	public void setVariable(String name, @Nullable Object value) {
		if (this.assigned == null) {
			this.assigned = new StandardEvaluationContext();
		}
		this.assigned.setVariable(name, value);
	}

	@Override
	public TypedValue getRootObject() {
		return TypedValue.NULL;
	}

	@Override
	public List<PropertyAccessor> getPropertyAccessors() {
		return this.shared.getPropertyAccessors();
	}

	@Override
	public List<IndexAccessor> getIndexAccessors() {
		return this.shared.getIndexAccessors();
	}

	@Override
	public List<ConstructorResolver> getConstructorResolvers() {
		return this.shared.getConstructorResolvers();
	}

	@Override
	public List<MethodResolver> getMethodResolvers() {
		return this.shared.getMethodResolvers();
	}

	@Override
	public @Nullable BeanResolver getBeanResolver() {
		return this.shared.getBeanResolver();
	}

	@Override
	public TypeLocator getTypeLocator() {
		return this.shared.getTypeLocator();
	}

	@Override
	public TypeConverter getTypeConverter() {
		return this.shared.getTypeConverter();
	}

	@Override
	public TypeComparator getTypeComparator() {
		return this.shared.getTypeComparator();
	}

	@Override
	public OperatorOverloader getOperatorOverloader() {
		return this.shared.getOperatorOverloader();
	}

}
