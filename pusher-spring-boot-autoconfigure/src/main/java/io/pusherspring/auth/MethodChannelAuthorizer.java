package io.pusherspring.auth;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * A {@link ChannelAuthorizer} that calls a {@link PusherChannel @PusherChannel} method of
 * a bean. Its signature is checked when it is detected, so a mistake fails start-up.
 * <p>
 * A method may return a {@link Mono} of its decision. The Spring WebFlux endpoints
 * subscribe to it ({@link #authorizeReactively}), in the request's Reactor context, where
 * Spring Security's reactive context is; {@link #authorize} (the Spring MVC endpoints)
 * waits for it on the calling thread.
 */
final class MethodChannelAuthorizer implements ChannelAuthorizer {

	private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

	private static final String MONO = "reactor.core.publisher.Mono";

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.ReactiveSecurityContextHolder",
			MethodChannelAuthorizer.class.getClassLoader());

	/**
	 * The web stacks' own request types, by name, so that neither stack's classes are
	 * loaded: a parameter of the other stack's type gets {@code null}.
	 */
	private static final Set<String> NATIVE_REQUEST_TYPES = Set.of("jakarta.servlet.http.HttpServletRequest",
			"jakarta.servlet.ServletRequest", "org.springframework.web.server.ServerWebExchange",
			"org.springframework.http.server.reactive.ServerHttpRequest");

	private final BeanFactory beanFactory;

	private final String beanName;

	private final Method method;

	private final String pattern;

	private final List<ArgumentResolver> arguments;

	private final boolean returnsMono;

	private volatile @Nullable Method invocable;

	MethodChannelAuthorizer(BeanFactory beanFactory, String beanName, Method method,
			ConversionService conversionService) {
		this.beanFactory = beanFactory;
		this.beanName = beanName;
		this.method = method;
		PusherChannel annotation = AnnotatedElementUtils.findMergedAnnotation(method, PusherChannel.class);
		this.pattern = (annotation != null) ? annotation.value() : "";
		List<String> variables;
		try {
			variables = ChannelPattern.parse(this.pattern).variableNames();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
		this.returnsMono = checkReturnType();
		this.arguments = new ArrayList<>();
		for (int i = 0; i < method.getParameterCount(); i++) {
			this.arguments.add(resolver(new MethodParameter(method, i), variables, conversionService));
		}
	}

	/**
	 * Find the {@link PusherChannel @PusherChannel} methods of a bean factory's beans,
	 * without creating any bean.
	 */
	static List<MethodChannelAuthorizer> detect(ListableBeanFactory beanFactory, ConversionService conversionService) {
		List<MethodChannelAuthorizer> authorizers = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForType(Object.class, true, false)) {
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = targetType(beanFactory, beanName);
			if (type == null || !AnnotationUtils.isCandidateClass(type, PusherChannel.class)
					|| isSpringInfrastructure(type)) {
				continue;
			}
			Map<Method, PusherChannel> methods = MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<PusherChannel>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, PusherChannel.class));
			for (Method method : methods.keySet()) {
				authorizers.add(new MethodChannelAuthorizer(beanFactory, beanName, method, conversionService));
			}
		}
		return authorizers;
	}

	/**
	 * Spring's and Spring Boot's own beans, a few hundred in a web application, never
	 * declare {@code @PusherChannel} methods; scanning them would slow start-up (as
	 * Spring's {@code @EventListener} detection, this keeps their components).
	 */
	private static boolean isSpringInfrastructure(Class<?> type) {
		return type.getName().startsWith("org.springframework.")
				&& !AnnotatedElementUtils.isAnnotated(type, Component.class);
	}

	private static @Nullable Class<?> targetType(ListableBeanFactory beanFactory, String beanName) {
		Class<?> type = null;
		if (beanFactory instanceof ConfigurableListableBeanFactory configurable) {
			type = AutoProxyUtils.determineTargetClass(configurable, beanName);
		}
		if (type == null) {
			type = beanFactory.getType(beanName, false);
		}
		return (type != null) ? ClassUtils.getUserClass(type) : null;
	}

	String description() {
		return "method " + ClassUtils.getQualifiedMethodName(this.method) + " of bean '" + this.beanName + "'";
	}

	@Override
	public String pattern() {
		return this.pattern;
	}

	/**
	 * Whether the method returns a {@link Mono}, which the WebFlux endpoints subscribe to
	 * without blocking.
	 */
	boolean returnsMono() {
		return this.returnsMono;
	}

	@Override
	public ChannelAuthorization authorize(ChannelAuthorizationContext context) {
		Object[] args = new Object[this.arguments.size()];
		String unresolved = resolve(context, args);
		if (unresolved != null) {
			return ChannelAuthorization.deny(unresolved);
		}
		Object result = invoke(args);
		if (this.returnsMono) {
			return (result != null) ? MonoResults.block(result, context.principal())
					: ChannelAuthorization.deny("method returned null");
		}
		return toAuthorization(result);
	}

	/**
	 * Call the method and subscribe to the {@link Mono} it returns. Only for methods that
	 * {@link #returnsMono() return one}; an empty {@code Mono} denies.
	 */
	Mono<ChannelAuthorization> authorizeReactively(ChannelAuthorizationContext context) {
		Object[] args = new Object[this.arguments.size()];
		String unresolved = resolve(context, args);
		if (unresolved != null) {
			return Mono.just(ChannelAuthorization.deny(unresolved));
		}
		Object result = invoke(args);
		return (result != null) ? MonoResults.map(result)
				: Mono.just(ChannelAuthorization.deny("method returned null"));
	}

	/**
	 * Resolve the arguments into {@code args}.
	 * @return why an argument could not be resolved, or {@code null}
	 */
	private @Nullable String resolve(ChannelAuthorizationContext context, @Nullable Object[] args) {
		for (int i = 0; i < args.length; i++) {
			try {
				args[i] = this.arguments.get(i).resolve(context);
			}
			catch (ConversionException | IllegalArgumentException ex) {
				return String.valueOf(ex.getMessage());
			}
		}
		return null;
	}

	private @Nullable Object invoke(Object[] args) {
		Object bean = this.beanFactory.getBean(this.beanName);
		Method invocable = this.invocable;
		if (invocable == null) {
			invocable = AopUtils.selectInvocableMethod(this.method, bean.getClass());
			ReflectionUtils.makeAccessible(invocable);
			this.invocable = invocable;
		}
		try {
			return invocable.invoke(bean, args);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getTargetException();
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(cause);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot call " + description(), ex);
		}
	}

	private static ChannelAuthorization toAuthorization(@Nullable Object result) {
		if (result instanceof Boolean granted) {
			return granted ? ChannelAuthorization.grant() : ChannelAuthorization.deny("method returned false");
		}
		if (result instanceof PresenceMember member) {
			return ChannelAuthorization.grant(member);
		}
		if (result instanceof ChannelAuthorization authorization) {
			return authorization;
		}
		return ChannelAuthorization.deny("method returned null");
	}

	/**
	 * Check what the method returns.
	 * @return whether it returns a {@code Mono}
	 */
	private boolean checkReturnType() {
		Class<?> type = this.method.getReturnType();
		// by name: Reactor need not be on the class path
		if (type.getName().equals(MONO)) {
			Class<?> value = ResolvableType.forMethodReturnType(this.method).getGeneric(0).resolve();
			if (value == null || !isDecision(value)) {
				throw invalid("it returns Mono<" + ((value != null) ? value.getSimpleName() : "?")
						+ ">; return Mono<Boolean>, Mono<PresenceMember> or Mono<ChannelAuthorization>");
			}
			return true;
		}
		if (type != boolean.class && !isDecision(type)) {
			throw invalid("it returns " + type.getSimpleName()
					+ "; return boolean (private channels), PresenceMember (presence channels) or ChannelAuthorization, "
					+ "or a Mono of one of them");
		}
		return false;
	}

	private static boolean isDecision(Class<?> type) {
		return type == Boolean.class || type == PresenceMember.class || type == ChannelAuthorization.class;
	}

	private ArgumentResolver resolver(MethodParameter parameter, List<String> variables,
			ConversionService conversionService) {
		parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
		Class<?> type = parameter.getParameterType();
		ChannelVariable variable = parameter.getParameterAnnotation(ChannelVariable.class);
		if (variable != null) {
			String name = StringUtils.hasText(variable.value()) ? variable.value() : parameter.getParameterName();
			if (name == null || !variables.contains(name)) {
				throw invalid("@ChannelVariable parameter " + parameter.getParameterIndex() + " names variable '" + name
						+ "', but the pattern has " + variables);
			}
			TypeDescriptor target = new TypeDescriptor(parameter);
			if (!conversionService.canConvert(STRING, target)) {
				throw invalid("no conversion from String to " + target + " for variable '" + name + "'");
			}
			return (context) -> convert(context.variable(name), name, target, conversionService);
		}
		if (type == ChannelAuthorizationContext.class) {
			return (context) -> context;
		}
		if (type == AuthRequest.class) {
			return ChannelAuthorizationContext::httpRequest;
		}
		if (NATIVE_REQUEST_TYPES.contains(type.getName())) {
			return (context) -> context.httpRequest().getNativeRequest(type);
		}
		if (Principal.class.isAssignableFrom(type)) {
			return (context) -> type.isInstance(context.principal()) ? context.principal() : null;
		}
		throw invalid("cannot supply parameter " + parameter.getParameterIndex() + " of type " + type.getSimpleName()
				+ "; parameters are @ChannelVariable values, Authentication, Principal, "
				+ "ChannelAuthorizationContext, AuthRequest, HttpServletRequest (Spring MVC), "
				+ "ServerWebExchange or ServerHttpRequest (Spring WebFlux)");
	}

	private static @Nullable Object convert(String value, String name, TypeDescriptor target,
			ConversionService conversionService) {
		try {
			return conversionService.convert(value, STRING, target);
		}
		catch (ConversionException ex) {
			throw new IllegalArgumentException(
					"variable '" + name + "' value '" + value + "' is not a " + target.getType().getSimpleName(), ex);
		}
	}

	private IllegalStateException invalid(@Nullable String why) {
		return new IllegalStateException("@PusherChannel " + description() + " is invalid: " + why);
	}

	@Override
	public String toString() {
		return description();
	}

	/**
	 * Kept apart so that Reactor's classes load only for methods that return a
	 * {@code Mono}.
	 */
	private static final class MonoResults {

		/**
		 * Wait for the decision. With Spring Security, the caller's authentication is in
		 * the Mono's {@code ReactiveSecurityContextHolder}, as it is in Spring WebFlux.
		 */
		static ChannelAuthorization block(Object result, @Nullable Principal principal) {
			Mono<?> mono = (Mono<?>) result;
			if (SPRING_SECURITY_PRESENT && principal != null) {
				mono = SpringSecurity.withCaller(mono, principal);
			}
			Object value = mono.block();
			return (value != null) ? toAuthorization(value) : ChannelAuthorization.deny("method's Mono was empty");
		}

		static Mono<ChannelAuthorization> map(Object mono) {
			return ((Mono<?>) mono).map(MethodChannelAuthorizer::toAuthorization)
				.defaultIfEmpty(ChannelAuthorization.deny("method's Mono was empty"));
		}

	}

	/**
	 * Kept apart so that Spring Security's classes load only when they are present.
	 */
	private static final class SpringSecurity {

		static Mono<?> withCaller(Mono<?> mono, Principal principal) {
			return (principal instanceof Authentication authentication)
					? mono.contextWrite(ReactiveSecurityContextHolder.withAuthentication(authentication)) : mono;
		}

	}

	@FunctionalInterface
	private interface ArgumentResolver {

		@Nullable Object resolve(ChannelAuthorizationContext context);

	}

}
