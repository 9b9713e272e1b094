package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.util.ObjectUtils;

/**
 * One parsed {@link PusherEvent @PusherEvent}: its templates and expressions, ready to
 * turn a call's arguments and result into a {@link PusherMessage}.
 *
 * @param method the annotated method
 * @param channels the channel templates
 * @param event the event name template
 * @param data the data expression, or {@code null} for the result
 * @param condition the condition, or {@code null} for always
 * @param toOthers whether to exclude the caller's socket
 * @param afterCommit whether to wait for the active transaction to commit
 * @param async whether to publish without blocking
 */
record PusherEventOperation(Method method, List<NameTemplate> channels, NameTemplate event, @Nullable Expression data,
		@Nullable Expression condition, boolean toOthers, boolean afterCommit, boolean async) {

	/**
	 * The message for one call.
	 * @param call the call's arguments and result
	 * @param socketId the caller's socket id, if known
	 * @return the message, or {@code null} if the condition is not met
	 * @throws PusherException if an expression fails, or yields no value or an invalid
	 * channel name
	 */
	@Nullable PusherMessage evaluate(ReturnedCall call, @Nullable String socketId) {
		if (this.condition != null
				&& !Boolean.TRUE.equals(evaluate("condition", this.condition, call, Boolean.class))) {
			return null;
		}
		List<String> channels = new ArrayList<>(this.channels.size());
		for (NameTemplate channel : this.channels) {
			addChannels(channel, call, channels);
		}
		for (String channel : channels) {
			ChannelNames.validate(channel);
		}
		Object data = (this.data != null) ? evaluate("data", this.data, call, Object.class) : call.result();
		if (data == null) {
			throw failure("data", (this.data != null) ? this.data.getExpressionString() : "the method's result",
					"it is null; guard the event with a condition such as \"#result != null\"", null);
		}
		return PusherMessage.builder()
			.channels(channels)
			.event(text("event", this.event, call))
			.data(data)
			.excludeSocketId(this.toOthers ? socketId : null)
			.build();
	}

	private void addChannels(NameTemplate channel, ReturnedCall call, List<String> channels) {
		if (channel.isText()) {
			channels.add(text("channels", channel, call));
			return;
		}
		Expression expression = channel.expression();
		Object value = evaluate("channels", expression, call, Object.class);
		if (value instanceof Collection<?> || ObjectUtils.isArray(value)) {
			Collection<?> names = (value instanceof Collection<?> collection) ? collection
					: List.of(ObjectUtils.toObjectArray(value));
			for (Object name : names) {
				channels.add(nonEmpty("channels", expression.getExpressionString(), asText(name)));
			}
			return;
		}
		channels.add(nonEmpty("channels", expression.getExpressionString(), asText(value)));
	}

	/**
	 * A template's text: every {@code #{...}} part must have a value, so that
	 * {@code private-user-#{#userId}} never becomes {@code private-user-}.
	 */
	private String text(String attribute, NameTemplate template, ReturnedCall call) {
		Object[] parts = template.parts();
		if (parts != null && parts.length == 1 && parts[0] instanceof String literal) {
			return literal;
		}
		StringBuilder text = new StringBuilder();
		if (parts != null) {
			Expression[] expressions = expressions(template.expression());
			for (int i = 0; i < parts.length; i++) {
				text.append((parts[i] instanceof Integer position)
						? nonEmpty(attribute, expressions[i].getExpressionString(), asText(call.value(position)))
						: parts[i]);
			}
			return text.toString();
		}
		for (Expression part : expressions(template.expression())) {
			text.append((part instanceof LiteralExpression) ? part.getExpressionString()
					: nonEmpty(attribute, part.getExpressionString(), evaluate(attribute, part, call, String.class)));
		}
		return text.toString();
	}

	private static Expression[] expressions(Expression template) {
		return (template instanceof CompositeStringExpression composite) ? composite.getExpressions()
				: new Expression[] { template };
	}

	private static @Nullable String asText(@Nullable Object value) {
		return (value == null || value instanceof String) ? (String) value
				: DefaultConversionService.getSharedInstance().convert(value, String.class);
	}

	private String nonEmpty(String attribute, String expression, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			throw failure(attribute, expression, (value == null) ? "it is null" : "it is empty", null);
		}
		return value;
	}

	private <T> @Nullable T evaluate(String attribute, Expression expression, ReturnedCall call, Class<T> type) {
		try {
			return expression.getValue(call.evaluationContext(), type);
		}
		catch (EvaluationException ex) {
			throw failure(attribute, expression.getExpressionString(), ex.getMessage(), ex);
		}
	}

	private PusherException failure(String attribute, String expression, @Nullable String reason,
			@Nullable Throwable cause) {
		return new PusherException("@PusherEvent on " + InvalidPusherEventException.describe(this.method)
				+ ", attribute '" + attribute + "': could not evaluate '" + expression + "': " + reason, cause);
	}

}
