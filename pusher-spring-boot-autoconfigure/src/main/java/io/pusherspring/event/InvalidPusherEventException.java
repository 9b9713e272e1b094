package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

import io.pusherspring.core.PusherException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Thrown when a bean is created whose {@link PusherEvent @PusherEvent} cannot work: an
 * expression that does not parse, a name that is neither an argument nor {@code #result},
 * a bean that does not exist, a return type that is not supported. The message names the
 * method and the attribute, so start-up fails with the fix in sight.
 */
public class InvalidPusherEventException extends PusherException {

	/** The method annotated with {@code @PusherEvent}. */
	private final Method method;

	/** The attribute at fault, or {@code null} for the method as a whole. */
	private final @Nullable String attribute;

	/** What is wrong. */
	private final String reason;

	/**
	 * Create an exception.
	 * @param method the annotated method
	 * @param attribute the attribute at fault, or {@code null} for the method as a whole
	 * @param reason what is wrong, and how to fix it
	 */
	public InvalidPusherEventException(Method method, @Nullable String attribute, String reason) {
		this(method, attribute, reason, null);
	}

	/**
	 * Create an exception.
	 * @param method the annotated method
	 * @param attribute the attribute at fault, or {@code null} for the method as a whole
	 * @param reason what is wrong, and how to fix it
	 * @param cause the parser's exception, if any
	 */
	public InvalidPusherEventException(Method method, @Nullable String attribute, String reason,
			@Nullable Throwable cause) {
		super("@PusherEvent on " + describe(method) + ((attribute != null) ? ", attribute '" + attribute + "'" : "")
				+ ": " + reason, cause);
		this.method = method;
		this.attribute = attribute;
		this.reason = reason;
	}

	/**
	 * The annotated method.
	 * @return the method
	 */
	public Method getMethod() {
		return this.method;
	}

	/**
	 * The attribute at fault, such as {@code channels} or {@code data}.
	 * @return the attribute, or {@code null} if the method as a whole is at fault
	 */
	public @Nullable String getAttribute() {
		return this.attribute;
	}

	/**
	 * What is wrong, without the method and attribute.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

	/**
	 * A method as a reader finds it in the source: {@code ContentService.generate(String,
	 * Request)}.
	 * @param method the method
	 * @return its simple class name, name and parameter types
	 */
	static String describe(Method method) {
		return ClassUtils.getShortName(ClassUtils.getUserClass(method.getDeclaringClass())) + "." + method.getName()
				+ Arrays.stream(method.getParameterTypes())
					.map(Class::getSimpleName)
					.collect(Collectors.joining(", ", "(", ")"));
	}

}
