package io.pusherspring.auth;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.ReflectionHints;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Registers a bean's {@link PusherChannel @PusherChannel} methods, as declared by its
 * class and by its interfaces, for reflective invocation in a native image: the channel
 * authorizer finds them and calls them through reflection.
 */
final class PusherChannelBeanRegistrationAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		Class<?> beanClass = ClassUtils.getUserClass(registeredBean.getBeanClass());
		if (!AnnotationUtils.isCandidateClass(beanClass, PusherChannel.class)) {
			return null;
		}
		Set<Method> methods = new LinkedHashSet<>();
		for (Method method : MethodIntrospector.selectMethods(beanClass,
				(ReflectionUtils.MethodFilter) (candidate) -> AnnotatedElementUtils.hasAnnotation(candidate,
						PusherChannel.class))) {
			methods.add(method);
			for (Class<?> type : ClassUtils.getAllInterfacesForClassAsSet(beanClass)) {
				Method declared = ReflectionUtils.findMethod(type, method.getName(), method.getParameterTypes());
				if (declared != null) {
					methods.add(declared);
				}
			}
		}
		if (methods.isEmpty()) {
			return null;
		}
		return (generationContext, beanRegistrationCode) -> {
			ReflectionHints reflection = generationContext.getRuntimeHints().reflection();
			methods.forEach((method) -> reflection.registerMethod(method, ExecutableMode.INVOKE));
		};
	}

}
