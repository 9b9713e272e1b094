package io.pusherspring.event;

import java.lang.reflect.Method;

import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;

/**
 * Published when an event of a {@link PusherEvent @PusherEvent} method or a
 * {@link PusherBroadcast} could not be published to Pusher. Listen to it to alert, count
 * or store what was not delivered:
 *
 * <pre class="code">
 * &#64;EventListener
 * void pusherFailed(PusherPublishFailedEvent failure) { ... }
 * </pre>
 *
 * Its source is the {@link Method} annotated with {@code @PusherEvent}, or the
 * {@link PusherBroadcast}.
 */
public class PusherPublishFailedEvent extends ApplicationEvent {

	/** The message that could not be published, or {@code null}. */
	private final @Nullable PusherMessage message;

	/** Why it failed. */
	private final Throwable exception;

	/**
	 * Create a new event.
	 * @param source the annotated method or the broadcast
	 * @param message the message that could not be published, or {@code null} if it could
	 * not be built (an expression failed)
	 * @param exception the failure
	 */
	public PusherPublishFailedEvent(Object source, @Nullable PusherMessage message, Throwable exception) {
		super(source);
		this.message = message;
		this.exception = exception;
	}

	/**
	 * The message that could not be published.
	 * @return the message, or {@code null} if evaluating the annotation's expressions
	 * failed before a message existed
	 */
	public @Nullable PusherMessage getMessage() {
		return this.message;
	}

	/**
	 * Why publishing failed: usually a {@link PusherException}, such as a
	 * {@link io.pusherspring.core.PusherValidationException} or a
	 * {@link io.pusherspring.core.PusherApiException}.
	 * @return the failure
	 */
	public Throwable getException() {
		return this.exception;
	}

	/**
	 * Whether Pusher may have accepted the event although publishing failed: an attempt
	 * was sent and lost its answer. Publishing it again may then deliver it twice.
	 * @return {@code true} if the event may have been delivered
	 * @see PusherException#isPossiblyDelivered()
	 */
	public boolean isPossiblyDelivered() {
		return this.exception instanceof PusherException pusherException && pusherException.isPossiblyDelivered();
	}

	/**
	 * The method whose {@code @PusherEvent} failed.
	 * @return the method, or {@code null} for a {@link PusherBroadcast}
	 */
	public @Nullable Method getMethod() {
		return (getSource() instanceof Method method) ? method : null;
	}

	/**
	 * The broadcast that failed.
	 * @return the broadcast, or {@code null} for a {@code @PusherEvent} method
	 */
	public @Nullable PusherBroadcast getBroadcast() {
		return (getSource() instanceof PusherBroadcast broadcast) ? broadcast : null;
	}

	@Override
	public String toString() {
		String what = (this.message != null) ? "'" + this.message.event() + "' on " + this.message.channels()
				: "an event";
		return "PusherPublishFailedEvent[" + what + ", possiblyDelivered=" + isPossiblyDelivered() + ": "
				+ this.exception.getMessage() + "]";
	}

}
