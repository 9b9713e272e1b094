package io.pusherspring.event;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * A parsed channel or event template. The common shape, text around plain references to
 * arguments or {@code #result} such as {@code private-user-#{#userId}}, is rendered
 * without SpEL: the values are read from the call directly.
 *
 * @param expression the parsed template
 * @param parts the literal text ({@link String}) and argument positions ({@link Integer})
 * to render directly, or {@code null} if SpEL must evaluate it
 */
record Template(Expression expression, @Nullable Object @Nullable [] parts) {

	static Template of(Expression expression, Map<String, Integer> argumentIndex) {
		if (expression instanceof LiteralExpression) {
			return new Template(expression, new Object[] { expression.getExpressionString() });
		}
		if (!(expression instanceof CompositeStringExpression composite)) {
			return new Template(expression, null);
		}
		Expression[] expressions = composite.getExpressions();
		Object[] parts = new Object[expressions.length];
		for (int i = 0; i < expressions.length; i++) {
			Integer position = position(expressions[i], argumentIndex);
			if (position == null) {
				return new Template(expression, null);
			}
			parts[i] = (position == Integer.MIN_VALUE) ? expressions[i].getExpressionString() : position;
		}
		return new Template(expression, parts);
	}

	/**
	 * Whether the template is text and plain references only, or is made of SpEL parts
	 * whose values are text.
	 */
	boolean isText() {
		return this.parts != null || this.expression instanceof CompositeStringExpression;
	}

	/**
	 * Where a part's value comes from.
	 * @return {@link Integer#MIN_VALUE} for literal text, an argument position, or
	 * {@code null} if SpEL must evaluate it
	 */
	private static @Nullable Integer position(Expression part, Map<String, Integer> argumentIndex) {
		if (part instanceof LiteralExpression) {
			return Integer.MIN_VALUE;
		}
		if (part instanceof SpelExpression spel && spel.getAST() instanceof VariableReference variable) {
			String name = variable.toStringAST().substring(1);
			return Invocation.RESULT.equals(name) ? Invocation.RESULT_POSITION : argumentIndex.get(name);
		}
		return null;
	}

}
