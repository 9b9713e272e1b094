package io.pusherspring.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Container of repeated {@link PusherEvent @PusherEvent} annotations; the compiler writes
 * it for you.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PusherEvents {

	/**
	 * The repeated annotations.
	 * @return the annotations, in the order declared
	 */
	PusherEvent[] value();

}
