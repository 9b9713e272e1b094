package io.pusherspring.event;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;

/**
 * A parsed channel or event name template: text with {@code #{...}} SpEL parts. The
 * common shape, text around plain references to arguments or {@code #result} such as
 * {@code private-user-#{#userId}}, is rendered without SpEL: the values are read from the
 * call directly.
 *
 * @param expression the parsed template
 * @param parts the literal text ({@link String}) and argument positions ({@link Integer})
 * to render directly, or {@code null} if SpEL must evaluate it
 */
record NameTemplate(Expression expression, @Nullable Object @Nullable [] parts) {

	/** A SpEL variable reference and nothing else, such as {@code #userId}. */
	private static final Pattern PLAIN_REFERENCE = Pattern.compile("#([A-Za-z_$][A-Za-z0-9_$]*)");

	private static final int LITERAL = Integer.MIN_VALUE;

	static NameTemplate of(Expression expression, Map<String, Integer> argumentIndex) {
		if (expression instanceof LiteralExpression) {
			return new NameTemplate(expression, new Object[] { expression.getExpressionString() });
		}
		if (!(expression instanceof CompositeStringExpression composite)) {
			return new NameTemplate(expression, null);
		}
		Expression[] expressions = composite.getExpressions();
		Object[] parts = new Object[expressions.length];
		for (int i = 0; i < expressions.length; i++) {
			Integer position = position(expressions[i], argumentIndex);
			if (position == null) {
				return new NameTemplate(expression, null);
			}
			parts[i] = (position == LITERAL) ? expressions[i].getExpressionString() : position;
		}
		return new NameTemplate(expression, parts);
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
	 * @return {@link #LITERAL} for literal text, an argument position or
	 * {@link ReturnedCall#RESULT_POSITION}, or {@code null} if SpEL must evaluate it
	 */
	private static @Nullable Integer position(Expression part, Map<String, Integer> argumentIndex) {
		if (part instanceof LiteralExpression) {
			return LITERAL;
		}
		Matcher reference = PLAIN_REFERENCE.matcher(part.getExpressionString().strip());
		if (!reference.matches()) {
			return null;
		}
		String name = reference.group(1);
		return PusherEventExpressionEvaluator.RESULT_VARIABLE.equals(name) ? ReturnedCall.RESULT_POSITION
				: argumentIndex.get(name);
	}

}
