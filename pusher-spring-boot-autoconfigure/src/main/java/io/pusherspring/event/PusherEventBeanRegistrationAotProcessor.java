package io.pusherspring.event;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers the reflection a native image needs to run a bean's
 * {@link PusherEvent @PusherEvent} methods:
 * <ul>
 * <li>the methods, which the proxy calls reflectively, as declared by the class and by
 * its interfaces;</li>
 * <li>the roots of their expressions: every argument and the return value (the value of a
 * future or {@code Optional}), with the binding that Jackson needs to send them as data
 * and SpEL to read their properties, and their public methods and fields, which SpEL may
 * use;</li>
 * <li>the public methods of each bean an expression names
 * ({@code @teacherDirectory}).</li>
 * </ul>
 * The annotations are parsed and checked as the post-processor will parse them, so a
 * mistake fails the build.
 */
final class PusherEventBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		ConfigurableListableBeanFactory beanFactory = registeredBean.getBeanFactory();
		Collection<PusherEventMethod> methods = new PusherEventMethods(
				new PusherEventParser(new PusherEventExpressionEvaluator(null), beanFactory))
			.findAll(beanClass);
		if (methods.isEmpty()) {
			return null;
		}
		Hints hints = new Hints();
		for (PusherEventMethod method : methods) {
			hints.add(method, beanClass, beanFactory);
		}
		return hints;
	}

	/**
	 * What the {@code @PusherEvent} methods of one bean class need.
	 */
	private static final class Hints implements BeanRegistrationAotContribution {

		private final Set<Method> invoked = new LinkedHashSet<>();

		private final Set<Type> roots = new LinkedHashSet<>();

		private final Set<Class<?>> beans = new LinkedHashSet<>();

		void add(PusherEventMethod parsed, Class<?> beanClass, ConfigurableListableBeanFactory beanFactory) {
			Method method = parsed.method();
			this.invoked.add(method);
			for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(beanClass)) {
				Method declared = ReflectionUtils.findMethod(type, method.getName(), method.getParameterTypes());
				if (declared != null) {
					this.invoked.add(declared);
				}
			}
			for (int i = 0; i < method.getParameterCount(); i++) {
				this.roots.add(ResolvableType.forMethodParameter(method, i).getType());
			}
			ResolvableType result = ResolvableType.forMethodReturnType(method);
			if (parsed.returns().wrapsValue() || result.toClass() == Optional.class) {
				// CompletableFuture<T>, CompletionStage<T>, Mono<T>, Flux<T> or
				// Optional<T>:
				// the value is T
				result = result.getGeneric(0);
			}
			if (result.resolve() != null && result.resolve() != void.class && result.resolve() != Void.class) {
				this.roots.add(result.getType());
			}
			for (String name : parsed.references().names(ExpressionReferences.Kind.BEAN)) {
				Class<?> type = beanFactory.getType(name, false);
				if (type != null) {
					this.beans.add(ClassUtils.getUserClass(type));
				}
			}
		}

		@Override
		public void applyTo(GenerationContext generationContext, BeanRegistrationCode beanRegistrationCode) {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			for (Method method : this.invoked) {
				reflection.registerMethod(method, ExecutableMode.INVOKE);
			}
			new BindingReflectionHintsRegistrar().registerReflectionHints(reflection, this.roots.toArray(Type[]::new));
			for (Type root : this.roots) {
				Class<?> type = ResolvableType.forType(root).toClass();
				if (!type.isPrimitive()) {
					reflection.registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS,
							MemberCategory.ACCESS_PUBLIC_FIELDS);
				}
			}
			for (Class<?> bean : this.beans) {
				reflection.registerType(bean, MemberCategory.INVOKE_PUBLIC_METHODS);
			}
		}

	}

}
