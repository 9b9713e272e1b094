package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.expression.AnnotatedElementKey;
import org.springframework.context.expression.CachedExpressionEvaluator;
import org.springframework.context.expression.MethodBasedEvaluationContext;
import org.springframework.core.NativeDetector;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.SpringProperties;
import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.ParserContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Parses and evaluates the expressions of {@link PusherEvent @PusherEvent}, as Spring's
 * {@code EventExpressionEvaluator} does for {@code @EventListener(condition)} and
 * {@code CacheOperationExpressionEvaluator} for {@code @Cacheable(key)}. A call is
 * evaluated in a {@link MethodBasedEvaluationContext}, which exposes the arguments by
 * name ({@code #userId}) and position ({@code #p0}, {@code #a0}), with the return value
 * as {@code #result}, beans as {@code @name}, and no root object. Every call's context
 * shares the property accessors, resolvers and converter of one context made once, and so
 * the reflection they cache. Thread-safe.
 */
final class PusherEventExpressionEvaluator extends CachedExpressionEvaluator {

	/** The variable that holds the method's return value. */
	static final String RESULT_VARIABLE = "result";

	private static final String COMPILER_MODE_PROPERTY = "spring.expression.compiler.mode";

	private final Map<ExpressionKey, Expression> expressions = new ConcurrentHashMap<>(64);

	private final StandardEvaluationContext originalEvaluationContext = new StandardEvaluationContext();

	/**
	 * Create an evaluator.
	 * @param beanResolver resolves {@code @name} references, or {@code null} for none
	 */
	PusherEventExpressionEvaluator(@Nullable BeanResolver beanResolver) {
		super(new SpelExpressionParser(
				new SpelParserConfiguration(compilerMode(), PusherEventExpressionEvaluator.class.getClassLoader())));
		this.originalEvaluationContext.setBeanResolver(beanResolver);
		// create the lazily made delegates now, before other threads share them
		this.originalEvaluationContext.getPropertyAccessors();
		this.originalEvaluationContext.getIndexAccessors();
		this.originalEvaluationContext.getConstructorResolvers();
		this.originalEvaluationContext.getMethodResolvers();
		this.originalEvaluationContext.getTypeLocator();
		this.originalEvaluationContext.getTypeConverter();
	}

	/**
	 * Parse a template: text with {@code #{...}} parts.
	 * @param template the template
	 * @return the parsed template
	 * @throws org.springframework.expression.ParseException if it does not parse
	 */
	Expression parseTemplate(String template) {
		return getParser().parseExpression(template, ParserContext.TEMPLATE_EXPRESSION);
	}

	/**
	 * Parse an expression; one wrapped whole in {@code #{...}} is accepted too.
	 * @param method the annotated method
	 * @param expression the expression
	 * @return the parsed expression
	 * @throws org.springframework.expression.ParseException if it does not parse
	 */
	Expression parseExpression(Method method, String expression) {
		String trimmed = expression.strip();
		if (trimmed.startsWith(ParserContext.TEMPLATE_EXPRESSION.getExpressionPrefix())
				&& trimmed.endsWith(ParserContext.TEMPLATE_EXPRESSION.getExpressionSuffix())) {
			return parseTemplate(expression);
		}
		return getExpression(this.expressions, new AnnotatedElementKey(method, null), expression);
	}

	/**
	 * The names of a method's parameters, as the evaluation context exposes them.
	 * @param method the method
	 * @return the names, or {@code null} if the class was compiled without
	 * {@code -parameters}
	 */
	@Nullable String @Nullable [] parameterNames(Method method) {
		return getParameterNameDiscoverer().getParameterNames(method);
	}

	/**
	 * Create the evaluation context of a call that has returned.
	 * @param method the annotated method
	 * @param arguments its arguments
	 * @param result its return value
	 * @return the context
	 */
	EvaluationContext createEvaluationContext(Method method, @Nullable Object[] arguments, @Nullable Object result) {
		return new ReturnedCallEvaluationContext(method, arguments, result, getParameterNameDiscoverer(),
				this.originalEvaluationContext);
	}

	/**
	 * Compile expressions to bytecode once they have run a hundred times, falling back to
	 * interpreting them if a compiled one fails, unless
	 * {@code spring.expression.compiler.mode} says otherwise: they are fixed, run on
	 * every call, and compiled they cost about half as much. A native image cannot define
	 * classes, so there they are interpreted.
	 */
	private static SpelCompilerMode compilerMode() {
		String configured = SpringProperties.getProperty(COMPILER_MODE_PROPERTY);
		if (configured != null) {
			return SpelCompilerMode.valueOf(configured.toUpperCase(Locale.ROOT));
		}
		return NativeDetector.inNativeImage() ? SpelCompilerMode.OFF : SpelCompilerMode.MIXED;
	}

	/**
	 * The context of one call: its arguments, exposed as
	 * {@link MethodBasedEvaluationContext} does when an expression first asks for one,
	 * and its return value as {@code #result}, which wins over an argument of that name.
	 * Its accessors, resolvers and converter are the original context's, read from it
	 * rather than copied or set as {@link StandardEvaluationContext#applyDelegatesTo}
	 * does: that would cost every call, and evaluation only reads them.
	 */
	private static final class ReturnedCallEvaluationContext extends MethodBasedEvaluationContext {

		private final @Nullable Object result;

		private final StandardEvaluationContext original;

		ReturnedCallEvaluationContext(Method method, @Nullable Object[] arguments, @Nullable Object result,
				ParameterNameDiscoverer parameterNameDiscoverer, StandardEvaluationContext original) {
			super(null, method, arguments, parameterNameDiscoverer);
			this.result = result;
			this.original = original;
		}

		@Override
		public @Nullable Object lookupVariable(String name) {
			return RESULT_VARIABLE.equals(name) ? this.result : super.lookupVariable(name);
		}

		@Override
		public List<PropertyAccessor> getPropertyAccessors() {
			return this.original.getPropertyAccessors();
		}

		@Override
		public List<IndexAccessor> getIndexAccessors() {
			return this.original.getIndexAccessors();
		}

		@Override
		public List<ConstructorResolver> getConstructorResolvers() {
			return this.original.getConstructorResolvers();
		}

		@Override
		public List<MethodResolver> getMethodResolvers() {
			return this.original.getMethodResolvers();
		}

		@Override
		public @Nullable BeanResolver getBeanResolver() {
			return this.original.getBeanResolver();
		}

		@Override
		public TypeLocator getTypeLocator() {
			return this.original.getTypeLocator();
		}

		@Override
		public TypeConverter getTypeConverter() {
			return this.original.getTypeConverter();
		}

	}

}
