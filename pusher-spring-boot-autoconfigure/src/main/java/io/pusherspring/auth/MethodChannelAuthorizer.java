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

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

/**
 * A {@link ChannelAuthorizer} that calls a {@link PusherChannel @PusherChannel} method of
 * a bean. Its signature is checked when it is detected, so a mistake fails start-up.
 */
final class MethodChannelAuthorizer implements ChannelAuthorizer {

	private static final TypeDescriptor STRING = TypeDescriptor.valueOf(String.class);

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
		checkReturnType();
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

	@Override
	public ChannelAuthorization authorize(ChannelAuthorizationContext context) {
		Object[] args = new Object[this.arguments.size()];
		for (int i = 0; i < args.length; i++) {
			try {
				args[i] = this.arguments.get(i).resolve(context);
			}
			catch (ConversionException | IllegalArgumentException ex) {
				return ChannelAuthorization.deny(ex.getMessage());
			}
		}
		return toAuthorization(invoke(args));
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

	private ChannelAuthorization toAuthorization(@Nullable Object result) {
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

	private void checkReturnType() {
		Class<?> type = this.method.getReturnType();
		if (type != boolean.class && type != Boolean.class && type != PresenceMember.class
				&& type != ChannelAuthorization.class) {
			throw invalid("it returns " + type.getSimpleName()
					+ "; return boolean (private channels), PresenceMember (presence channels) or ChannelAuthorization");
		}
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

	@FunctionalInterface
	private interface ArgumentResolver {

		@Nullable Object resolve(ChannelAuthorizationContext context);

	}

}
