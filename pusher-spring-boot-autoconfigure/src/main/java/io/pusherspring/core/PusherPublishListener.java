package io.pusherspring.core;

/**
 * Hears the outcome of every publishing call of a {@link PusherTemplate}
 * ({@code trigger}, {@code triggerAsync}, {@code triggerBatch}, {@code sendToUser}), once
 * per message, like spring-kafka's {@code ProducerListener}. Use it to count, log or
 * store failures; {@link PusherException#isPossiblyDelivered()} tells whether a failed
 * message may have been delivered all the same.
 * <p>
 * Listeners are called on the thread that completes the call: the caller's for blocking
 * calls, an HTTP client I/O thread for {@code triggerAsync}. They must return quickly and
 * must not block. An exception thrown by a listener is logged and otherwise ignored. A
 * {@code sendToUser} message names the channel {@code #server-to-user-{userId}}.
 *
 * @see LoggingPusherPublishListener
 */
public interface PusherPublishListener {

	/**
	 * Called when Pusher accepted a message.
	 * @param message the message, as the application passed it
	 * @param result Pusher's answer for this message's channels
	 */
	default void onSuccess(PusherMessage message, TriggerResult result) {
	}

	/**
	 * Called when publishing a message failed, whether it was refused before anything was
	 * sent ({@link PusherValidationException}) or the call to Pusher failed.
	 * @param message the message, as the application passed it
	 * @param exception the failure; {@link PusherException#isPossiblyDelivered()} tells
	 * whether Pusher may have accepted the message all the same
	 */
	default void onError(PusherMessage message, PusherException exception) {
	}

}
