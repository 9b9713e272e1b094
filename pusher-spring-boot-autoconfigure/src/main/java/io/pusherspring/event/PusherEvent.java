package io.pusherspring.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Publish a Pusher event when the annotated method of a Spring bean returns:
 *
 * <pre class="code">
 * &#64;PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
 * public GeneratedContent generate(String userId, Request request) { ... }
 * </pre>
 *
 * Channel names and the event name are templates: text with {@code #{...}} SpEL parts.
 * {@link #data()} and {@link #condition()} are SpEL expressions. Expressions see the
 * method's arguments by name ({@code #userId}, the build must keep parameter names with
 * {@code -parameters}) and by position ({@code #p0}, {@code #a0}), the return value as
 * {@code #result}, and beans as {@code @beanName}. They are parsed and checked when the
 * bean is created: an invalid expression or an unknown name fails start-up.
 * <p>
 * A method that throws publishes nothing. Inside a transaction the event is published
 * after commit, and never after rollback, unless {@link #afterCommit()} is {@code false}.
 * A method returning a {@link java.util.concurrent.CompletableFuture} or
 * {@link java.util.concurrent.CompletionStage} publishes when its value arrives, with
 * that value as {@code #result}. A method returning a {@code Mono} publishes once it
 * emits, with the value as {@code #result}, and nothing if it errors, completes empty or
 * is never subscribed; a method returning a {@code Flux} publishes one event per element.
 * Inside a reactive transaction they publish after it commits. Failing to publish does
 * not fail the method: the failure is logged and published as a
 * {@link PusherPublishFailedEvent}, unless {@code pusher.events.fail-on-error} is set.
 * <p>
 * Repeatable: each annotation publishes one event, in the order declared. Applies to
 * calls through the bean's proxy, not to calls a bean makes to its own methods.
 *
 * @see PusherBroadcast
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(PusherEvents.class)
public @interface PusherEvent {

	/**
	 * The channels to publish on, each a template such as
	 * {@code "private-class-#{#result.classId}"}. A channel that is a single
	 * {@code #{...}} expression may evaluate to a collection or array of channel names.
	 * @return the channel templates
	 */
	String[] channels();

	/**
	 * The event name, such as {@code "content.generated"}; may be a template.
	 * @return the event name
	 */
	String event();

	/**
	 * SpEL expression for the event data, such as {@code "#result.summary()"}. Empty
	 * means the return value; a {@code void} method must set it.
	 * @return the data expression
	 */
	String data() default "";

	/**
	 * SpEL expression, evaluated after the method returns, that must be {@code true} for
	 * the event to be published, such as {@code "#result.published"}. Empty means always.
	 * @return the condition
	 */
	String condition() default "";

	/**
	 * Leave out the connection that made the current request: the socket id in the
	 * request header named by {@code pusher.events.socket-id-header} ({@code X-Socket-ID}
	 * by default), when there is a request and the header holds a valid socket id.
	 * @return whether to exclude the caller's connection
	 */
	boolean toOthers() default false;

	/**
	 * Inside an active transaction, publish after it commits and never after a rollback.
	 * Outside one, the event is published as soon as the method returns.
	 * @return whether to wait for the commit
	 */
	boolean afterCommit() default true;

	/**
	 * Publish without blocking, through
	 * {@link io.pusherspring.core.PusherOperations#triggerAsync}. Failures are then
	 * reported when the call completes and never reach the caller. Methods returning a
	 * {@code Mono} or a {@code Flux} always publish without blocking.
	 * @return whether to publish asynchronously
	 */
	boolean async() default false;

}
