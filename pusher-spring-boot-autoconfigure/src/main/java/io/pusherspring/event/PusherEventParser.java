package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.event.ExpressionReferences.Reference;
import io.pusherspring.event.PusherEventMethod.Returns;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.util.ClassUtils;

/**
 * Parses the {@link PusherEvent @PusherEvent} annotations of a method and checks them the
 * way a compiler would: every expression parses, every {@code #name} is an argument or
 * {@code #result}, every {@code @bean} exists, and the return type is one that can be
 * published. Anything wrong is an {@link InvalidPusherEventException}.
 */
final class PusherEventParser {

	private static final @Nullable Class<?> PUBLISHER = loadOptional("org.reactivestreams.Publisher");

	private static final @Nullable Class<?> MONO = loadOptional("reactor.core.publisher.Mono");

	private static final @Nullable Class<?> FLUX = loadOptional("reactor.core.publisher.Flux");

	private final PusherEventExpressionEvaluator evaluator;

	private final @Nullable BeanFactory beanFactory;

	/**
	 * Create a parser.
	 * @param evaluator parses the expressions, as it will evaluate them
	 * @param beanFactory the beans that {@code @name} may refer to, or {@code null} to
	 * accept any name
	 */
	PusherEventParser(PusherEventExpressionEvaluator evaluator, @Nullable BeanFactory beanFactory) {
		this.evaluator = evaluator;
		this.beanFactory = beanFactory;
	}

	/**
	 * Parse and check the annotations of a method.
	 * @param method the method as declared by the bean's class
	 * @param annotations its annotations
	 * @return the parsed method
	 * @throws InvalidPusherEventException if an annotation cannot work
	 */
	PusherEventMethod parse(Method method, Collection<PusherEvent> annotations) {
		Returns returns = returns(method);
		Variables variables = new Variables(method, this.evaluator.parameterNames(method), hasResult(method));
		List<PusherEventOperation> operations = new ArrayList<>(annotations.size());
		for (PusherEvent annotation : annotations) {
			operations.add(parse(method, annotation, variables));
		}
		boolean needsSocketId = operations.stream().anyMatch(PusherEventOperation::toOthers);
		return new PusherEventMethod(method, List.copyOf(operations), returns, needsSocketId,
				new ExpressionReferences(List.copyOf(variables.references)));
	}

	private PusherEventOperation parse(Method method, PusherEvent annotation, Variables variables) {
		if (annotation.channels().length == 0) {
			throw new InvalidPusherEventException(method, "channels", "name at least one channel");
		}
		List<NameTemplate> channels = new ArrayList<>(annotation.channels().length);
		for (String channel : annotation.channels()) {
			Expression template = parse(method, "channels", channel, variables, true);
			if (template instanceof LiteralExpression) {
				validateChannel(method, channel);
			}
			channels.add(NameTemplate.of(template, variables.index));
		}
		NameTemplate event = NameTemplate.of(parse(method, "event", annotation.event(), variables, true),
				variables.index);
		Expression data = null;
		if (!annotation.data().isBlank()) {
			data = parse(method, "data", annotation.data(), variables, false);
		}
		else if (!variables.hasResult) {
			throw new InvalidPusherEventException(method, "data",
					"set it, such as data = \"#request\": the method returns no value to send");
		}
		Expression condition = annotation.condition().isBlank() ? null
				: parse(method, "condition", annotation.condition(), variables, false);
		return new PusherEventOperation(method, List.copyOf(channels), event, data, condition, annotation.toOthers(),
				annotation.afterCommit(), annotation.async());
	}

	private Expression parse(Method method, String attribute, String text, Variables variables, boolean template) {
		if (text.isBlank()) {
			throw new InvalidPusherEventException(method, attribute, "must not be empty");
		}
		Expression expression;
		try {
			expression = template ? this.evaluator.parseTemplate(text) : this.evaluator.parseExpression(method, text);
		}
		catch (ParseException ex) {
			throw new InvalidPusherEventException(method, attribute,
					"'" + text + "' is not a valid expression: " + ex.getMessage(), ex);
		}
		for (Reference reference : ExpressionReferences.of(expression).references()) {
			check(method, attribute, text, variables, reference);
			variables.references.add(reference);
		}
		return expression;
	}

	private void check(Method method, String attribute, String text, Variables variables, Reference reference) {
		String name = reference.name();
		switch (reference.kind()) {
			case VARIABLE -> variables.check(attribute, text, name);
			case FUNCTION -> throw new InvalidPusherEventException(method, attribute,
					"'" + text + "' calls #" + name + "(), but no functions are registered");
			case BEAN -> {
				if (this.beanFactory != null && !this.beanFactory.containsBean(name)) {
					throw new InvalidPusherEventException(method, attribute, "'" + text + "' refers to bean "
							+ (name.startsWith("&") ? name : "@" + name) + ", which does not exist");
				}
			}
			case ROOT_PROPERTY -> throw new InvalidPusherEventException(method, attribute,
					"'" + text + "' refers to '" + name + "' without '#': write #" + name + " for the argument");
			case ROOT_METHOD -> throw new InvalidPusherEventException(method, attribute, "'" + text + "' calls " + name
					+ "() on nothing: call it on an argument, #result or a bean, " + "such as @service." + name + "()");
		}
	}

	private static void validateChannel(Method method, String channel) {
		try {
			ChannelNames.validate(channel);
		}
		catch (PusherValidationException ex) {
			throw new InvalidPusherEventException(method, "channels", ex.getMessage());
		}
	}

	private static boolean hasResult(Method method) {
		Class<?> type = method.getReturnType();
		if (type == void.class || type == Void.class) {
			return false;
		}
		ResolvableType returned = ResolvableType.forMethodReturnType(method);
		if (CompletionStage.class.isAssignableFrom(type)) {
			return returned.as(CompletionStage.class).resolveGeneric(0) != Void.class;
		}
		if (type == MONO || type == FLUX) {
			return returned.resolveGeneric(0) != Void.class;
		}
		return true;
	}

	private static Returns returns(Method method) {
		Class<?> type = method.getReturnType();
		if (type == CompletableFuture.class || type == CompletionStage.class) {
			return Returns.FUTURE;
		}
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
			throw new InvalidPusherEventException(method, null, "its return type " + type.getName()
					+ " is not supported: declare CompletableFuture or CompletionStage, whose value is published "
					+ "when it arrives");
		}
		if (type == MONO) {
			return Returns.MONO;
		}
		if (type == FLUX) {
			return Returns.FLUX;
		}
		if ((PUBLISHER != null && PUBLISHER.isAssignableFrom(type))
				|| ReactiveAdapterRegistry.getSharedInstance().getAdapter(type) != null) {
			throw new InvalidPusherEventException(method, null, "its reactive return type " + type.getName()
					+ " is not supported: declare Mono, which publishes once it emits, or Flux, which publishes "
					+ "once per element");
		}
		return Returns.VALUE;
	}

	private static @Nullable Class<?> loadOptional(String className) {
		try {
			return ClassUtils.forName(className, PusherEventParser.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

	/**
	 * The names a method's expressions may use, and those they do.
	 */
	private static final class Variables {

		private final Method method;

		private final @Nullable String[] names;

		private final boolean hasResult;

		private final Map<String, Integer> index = new LinkedHashMap<>();

		private final List<Reference> references = new ArrayList<>();

		Variables(Method method, @Nullable String[] names, boolean hasResult) {
			this.method = method;
			this.names = names;
			this.hasResult = hasResult;
			int count = method.getParameterCount();
			for (int i = 0; i < count; i++) {
				if (names != null) {
					this.index.put(names[i], i);
				}
				this.index.put("p" + i, i);
				this.index.put("a" + i, i);
			}
		}

		void check(String attribute, String text, String name) {
			if (name.equals("this") || name.equals("root") || this.index.containsKey(name)) {
				return;
			}
			if (name.equals(PusherEventExpressionEvaluator.RESULT_VARIABLE)) {
				if (!this.hasResult) {
					throw new InvalidPusherEventException(this.method, attribute, "'" + text
							+ "' refers to #result, but the method returns no value; refer to its arguments instead");
				}
				return;
			}
			throw new InvalidPusherEventException(this.method, attribute,
					"'" + text + "' refers to #" + name + ", which is neither an argument nor #result; " + available());
		}

		private String available() {
			int count = this.method.getParameterCount();
			if (count == 0) {
				return "the method has no arguments" + (this.hasResult ? "; use #result" : "");
			}
			String positions = "#p0" + ((count > 1) ? " to #p" + (count - 1) : "");
			String arguments = (this.names != null)
					? "the arguments are "
							+ Arrays.stream(this.names).map((name) -> "#" + name).collect(Collectors.joining(", "))
							+ " (or " + positions + ")"
					: "argument names are not available (compile with -parameters), so use " + positions;
			return arguments + (this.hasResult ? ", and the return value is #result" : "");
		}

	}

}
