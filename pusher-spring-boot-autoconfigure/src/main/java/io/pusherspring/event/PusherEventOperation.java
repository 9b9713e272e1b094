package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.util.ObjectUtils;

/**
 * One parsed {@link PusherEvent @PusherEvent}: its expressions, ready to turn a call's
 * arguments and result into a {@link PusherMessage}.
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
record PusherEventOperation(Method method, List<Expression> channels, Expression event, @Nullable Expression data,
		@Nullable Expression condition, boolean toOthers, boolean afterCommit, boolean async) {

	/**
	 * The message for one call.
	 * @param context the call's arguments and result
	 * @param socketId the caller's socket id, if known
	 * @return the message, or {@code null} if the condition is not met
	 * @throws PusherException if an expression fails, or yields no value or an invalid
	 * channel name
	 */
	@Nullable PusherMessage evaluate(InvocationEvaluationContext context, @Nullable String socketId) {
		if (this.condition != null
				&& !Boolean.TRUE.equals(evaluate("condition", this.condition, context, Boolean.class))) {
			return null;
		}
		List<String> channels = new ArrayList<>(this.channels.size());
		for (Expression channel : this.channels) {
			addChannels(channel, context, channels);
		}
		for (String channel : channels) {
			ChannelNames.validate(channel);
		}
		Object data = (this.data != null) ? evaluate("data", this.data, context, Object.class) : context.getResult();
		if (data == null) {
			throw failure("data", (this.data != null) ? this.data.getExpressionString() : "the method's result",
					"it is null; guard the event with a condition such as \"#result != null\"", null);
		}
		return PusherMessage.builder()
			.channels(channels)
			.event(text("event", this.event, context))
			.data(data)
			.excludeSocketId(this.toOthers ? socketId : null)
			.build();
	}

	private void addChannels(Expression channel, EvaluationContext context, List<String> channels) {
		if (channel instanceof LiteralExpression || channel instanceof CompositeStringExpression) {
			channels.add(text("channels", channel, context));
			return;
		}
		Object value = evaluate("channels", channel, context, Object.class);
		if (value instanceof Collection<?> || ObjectUtils.isArray(value)) {
			Collection<?> names = (value instanceof Collection<?> collection) ? collection
					: List.of(ObjectUtils.toObjectArray(value));
			for (Object name : names) {
				channels.add(nonEmpty("channels", channel, (name != null) ? name.toString() : null));
			}
			return;
		}
		channels.add(nonEmpty("channels", channel, (value != null) ? value.toString() : null));
	}

	/**
	 * A template's text: every {@code #{...}} part must have a value, so that
	 * {@code private-user-#{#userId}} never becomes {@code private-user-}.
	 */
	private String text(String attribute, Expression template, EvaluationContext context) {
		if (template instanceof LiteralExpression) {
			return template.getExpressionString();
		}
		if (!(template instanceof CompositeStringExpression composite)) {
			return nonEmpty(attribute, template, evaluate(attribute, template, context, String.class));
		}
		StringBuilder text = new StringBuilder();
		for (Expression part : composite.getExpressions()) {
			text.append((part instanceof LiteralExpression) ? part.getExpressionString()
					: nonEmpty(attribute, part, evaluate(attribute, part, context, String.class)));
		}
		return text.toString();
	}

	private String nonEmpty(String attribute, Expression expression, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			throw failure(attribute, expression.getExpressionString(), (value == null) ? "it is null" : "it is empty",
					null);
		}
		return value;
	}

	private <T> @Nullable T evaluate(String attribute, Expression expression, EvaluationContext context,
			Class<T> type) {
		try {
			return expression.getValue(context, type);
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
