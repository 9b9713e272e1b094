package io.pusherspring.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a {@link PusherChannel @PusherChannel} method to a variable of its
 * pattern, converted to the parameter's type. A value that does not convert denies the
 * subscription.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ChannelVariable {

	/**
	 * The variable's name in the pattern; defaults to the parameter's name (which needs
	 * compiling with {@code -parameters}).
	 * @return the variable name
	 */
	String value() default "";

}
