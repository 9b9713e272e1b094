package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.core.ResolvableType;
import org.springframework.core.SpringProperties;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.ParserContext;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.InlineMap;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ClassUtils;

/**
 * Parses the {@link PusherEvent @PusherEvent} annotations of a method and checks them the
 * way a compiler would: every expression parses, every {@code #name} is an argument or
 * {@code #result}, every {@code @bean} exists, and the return type is one that can be
 * published. Anything wrong is an {@link InvalidPusherEventException}.
 */
final class PusherEventParser {

	private static final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private static final @Nullable Class<?> PUBLISHER = loadOptional("org.reactivestreams.Publisher");

	private static final String COMPILER_MODE_PROPERTY = "spring.expression.compiler.mode";

	private final SpelExpressionParser parser = new SpelExpressionParser(
			new SpelParserConfiguration(compilerMode(), PusherEventParser.class.getClassLoader()));

	private final @Nullable BeanFactory beanFactory;

	PusherEventParser(@Nullable BeanFactory beanFactory) {
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
		boolean futureResult = isFuture(method);
		Variables variables = new Variables(method, parameterNames.getParameterNames(method), hasResult(method));
		List<PusherEventOperation> operations = new ArrayList<>(annotations.size());
		for (PusherEvent annotation : annotations) {
			operations.add(parse(method, annotation, variables));
		}
		boolean needsSocketId = operations.stream().anyMatch(PusherEventOperation::toOthers);
		return new PusherEventMethod(method, List.copyOf(operations), variables.index, futureResult, needsSocketId);
	}

	private PusherEventOperation parse(Method method, PusherEvent annotation, Variables variables) {
		if (annotation.channels().length == 0) {
			throw new InvalidPusherEventException(method, "channels", "name at least one channel");
		}
		List<Template> channels = new ArrayList<>(annotation.channels().length);
		for (String channel : annotation.channels()) {
			Expression template = parse(method, "channels", channel, variables, true);
			if (template instanceof LiteralExpression) {
				validateChannel(method, channel);
			}
			channels.add(Template.of(template, variables.index));
		}
		Template event = Template.of(parse(method, "event", annotation.event(), variables, true), variables.index);
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
		String trimmed = text.strip();
		boolean wrapped = trimmed.startsWith(ParserContext.TEMPLATE_EXPRESSION.getExpressionPrefix())
				&& trimmed.endsWith(ParserContext.TEMPLATE_EXPRESSION.getExpressionSuffix());
		Expression expression;
		try {
			expression = (template || wrapped) ? this.parser.parseExpression(text, ParserContext.TEMPLATE_EXPRESSION)
					: this.parser.parseExpression(text);
		}
		catch (ParseException ex) {
			throw new InvalidPusherEventException(method, attribute,
					"'" + text + "' is not a valid expression: " + ex.getMessage(), ex);
		}
		Expression[] parts = (expression instanceof CompositeStringExpression composite) ? composite.getExpressions()
				: new Expression[] { expression };
		for (Expression part : parts) {
			if (part instanceof SpelExpression spel) {
				new Check(method, attribute, text, variables).node(spel.getAST(), true, false);
			}
		}
		return expression;
	}

	private static void validateChannel(Method method, String channel) {
		try {
			ChannelNames.validate(channel);
		}
		catch (PusherValidationException ex) {
			throw new InvalidPusherEventException(method, "channels", ex.getMessage());
		}
	}

	/**
	 * Compile expressions to bytecode once they have run a hundred times, falling back to
	 * interpreting them if a compiled one fails, unless
	 * {@code spring.expression.compiler.mode} says otherwise: they are fixed, run on
	 * every call, and compiled they cost about half as much.
	 */
	private static SpelCompilerMode compilerMode() {
		String configured = SpringProperties.getProperty(COMPILER_MODE_PROPERTY);
		return (configured != null) ? SpelCompilerMode.valueOf(configured.toUpperCase(Locale.ROOT))
				: SpelCompilerMode.MIXED;
	}

	private static boolean hasResult(Method method) {
		Class<?> type = method.getReturnType();
		if (type == void.class || type == Void.class) {
			return false;
		}
		if (CompletionStage.class.isAssignableFrom(type)) {
			Class<?> value = ResolvableType.forMethodReturnType(method).as(CompletionStage.class).resolveGeneric(0);
			return value != Void.class;
		}
		return true;
	}

	private static boolean isFuture(Method method) {
		Class<?> type = method.getReturnType();
		if (type == CompletableFuture.class || type == CompletionStage.class) {
			return true;
		}
		if (Future.class.isAssignableFrom(type) || CompletionStage.class.isAssignableFrom(type)) {
			throw new InvalidPusherEventException(method, null, "its return type " + type.getName()
					+ " is not supported: declare CompletableFuture or CompletionStage, whose value is published "
					+ "when it arrives");
		}
		if ((PUBLISHER != null && PUBLISHER.isAssignableFrom(type))
				|| ReactiveAdapterRegistry.getSharedInstance().getAdapter(type) != null) {
			throw new InvalidPusherEventException(method, null, "its reactive return type " + type.getName()
					+ " is not supported: return CompletableFuture or CompletionStage (Mono.toFuture()), or publish "
					+ "with PusherOperations.triggerAsync from the pipeline");
		}
		return false;
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
	 * The names a method's expressions may use.
	 */
	private static final class Variables {

		private final Method method;

		private final @Nullable String[] names;

		private final boolean hasResult;

		private final Map<String, Integer> index = new LinkedHashMap<>();

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
			if (name.equals(Invocation.RESULT)) {
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

	/**
	 * Walks an expression's syntax tree.
	 */
	private final class Check {

		private final Method method;

		private final String attribute;

		private final String text;

		private final Variables variables;

		Check(Method method, String attribute, String text, Variables variables) {
			this.method = method;
			this.attribute = attribute;
			this.text = text;
			this.variables = variables;
		}

		/**
		 * Check a node.
		 * @param node the node
		 * @param onRoot whether a bare name here would be looked up on the root object,
		 * which {@code @PusherEvent} expressions do not have
		 * @param onElement whether the node is inside a selection or projection, where
		 * bare names are the element's
		 */
		void node(SpelNode node, boolean onRoot, boolean onElement) {
			if (node instanceof VariableReference) {
				this.variables.check(this.attribute, this.text, node.toStringAST().substring(1));
			}
			else if (node instanceof FunctionReference function) {
				String name = function.toStringAST().substring(1, function.toStringAST().indexOf('('));
				throw new InvalidPusherEventException(this.method, this.attribute,
						"'" + this.text + "' calls #" + name + "(), but no functions are registered");
			}
			else if (node instanceof BeanReference) {
				checkBean(node.toStringAST());
			}
			else if (onRoot && !onElement && node instanceof PropertyOrFieldReference property) {
				throw new InvalidPusherEventException(this.method, this.attribute, "'" + this.text + "' refers to '"
						+ property.getName() + "' without '#': write #" + property.getName() + " for the argument");
			}
			else if (onRoot && !onElement && node instanceof MethodReference call) {
				throw new InvalidPusherEventException(this.method, this.attribute,
						"'" + this.text + "' calls " + call.getName() + "() on nothing: call it on an argument, "
								+ "#result or a bean, such as @service." + call.getName() + "()");
			}
			children(node, onElement);
		}

		private void children(SpelNode node, boolean onElement) {
			boolean element = onElement || node instanceof Selection || node instanceof Projection;
			for (int i = 0; i < node.getChildCount(); i++) {
				SpelNode child = node.getChild(i);
				boolean key = (node instanceof InlineMap && i % 2 == 0) || node instanceof Indexer;
				if (key && child instanceof PropertyOrFieldReference) {
					continue;
				}
				node(child, !(node instanceof CompoundExpression) || i == 0, element);
			}
		}

		private void checkBean(String reference) {
			String name = reference.startsWith("@") ? reference.substring(1) : reference;
			if (name.length() > 1 && name.startsWith("'") && name.endsWith("'")) {
				name = name.substring(1, name.length() - 1);
			}
			if (PusherEventParser.this.beanFactory != null && !PusherEventParser.this.beanFactory.containsBean(name)) {
				throw new InvalidPusherEventException(this.method, this.attribute,
						"'" + this.text + "' refers to bean " + reference + ", which does not exist");
			}
		}

	}

}
