package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link PusherEvent @PusherEvent} methods of bean classes, on the class or its
 * interfaces, and keeps each one parsed: expressions are parsed once per method.
 */
final class PusherEventMethods {

	private static final Object NONE = new Object();

	private final PusherEventParser parser;

	private final Map<MethodClassKey, Object> byInvokedMethod = new ConcurrentHashMap<>();

	private final Map<Method, Object> byDeclaredMethod = new ConcurrentHashMap<>();

	private final Map<Class<?>, Boolean> classes = new ConcurrentHashMap<>();

	PusherEventMethods(PusherEventParser parser) {
		this.parser = parser;
	}

	/**
	 * Parse every {@code @PusherEvent} method of a class, so that a mistake fails when
	 * the bean is created rather than when it is first called.
	 * @param targetClass the bean's class
	 * @return whether the class has any
	 * @throws InvalidPusherEventException if an annotation cannot work
	 */
	boolean hasPusherEvents(Class<?> targetClass) {
		Boolean known = this.classes.get(targetClass);
		if (known == null) {
			known = !findAll(targetClass).isEmpty();
			this.classes.put(targetClass, known);
		}
		return known;
	}

	/**
	 * The parsed {@code @PusherEvent} methods of a class, declared on it or its
	 * interfaces.
	 * @param targetClass the bean's class
	 * @return the methods, each once
	 * @throws InvalidPusherEventException if an annotation cannot work
	 */
	Collection<PusherEventMethod> findAll(Class<?> targetClass) {
		if (!AnnotationUtils.isCandidateClass(targetClass, PusherEvent.class)) {
			return Set.of();
		}
		Set<PusherEventMethod> found = new LinkedHashSet<>();
		Set<Class<?>> types = new LinkedHashSet<>(ClassUtils.getAllInterfacesForClassAsSet(targetClass));
		types.add(ClassUtils.getUserClass(targetClass));
		for (Class<?> type : types) {
			for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type,
					ReflectionUtils.USER_DECLARED_METHODS)) {
				PusherEventMethod parsed = find(method, targetClass);
				if (parsed != null) {
					found.add(parsed);
				}
			}
		}
		return found;
	}

	/**
	 * The parsed annotations of a method as invoked on a bean.
	 * @param method the invoked method, possibly declared by an interface
	 * @param targetClass the bean's class
	 * @return the parsed method, or {@code null} if it has no {@code @PusherEvent}
	 */
	@Nullable PusherEventMethod find(Method method, @Nullable Class<?> targetClass) {
		MethodClassKey key = new MethodClassKey(method, targetClass);
		Object known = this.byInvokedMethod.get(key);
		if (known == null) {
			Method declared = AopUtils.getMostSpecificMethod(method, targetClass);
			known = this.byDeclaredMethod.get(declared);
			if (known == null) {
				known = parse(declared);
				this.byDeclaredMethod.put(declared, known);
			}
			this.byInvokedMethod.put(key, known);
		}
		return (known != NONE) ? (PusherEventMethod) known : null;
	}

	private Object parse(Method method) {
		if (method.getDeclaringClass() == Object.class) {
			return NONE;
		}
		Set<PusherEvent> annotations = AnnotatedElementUtils.findMergedRepeatableAnnotations(method, PusherEvent.class);
		return annotations.isEmpty() ? NONE : this.parser.parse(method, annotations);
	}

}
