package io.pusherspring.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * Publishing to Pusher Channels and querying its state. Every method checks Pusher's
 * rules before any I/O and throws {@link PusherValidationException} when one is broken;
 * failed calls throw {@link PusherApiException} or {@link PusherConnectionException},
 * whose {@link PusherException#isPossiblyDelivered()} tells whether the event may have
 * been delivered all the same.
 *
 * @see PusherTemplate
 * @see ReactivePusherOperations
 */
public interface PusherOperations {

	/**
	 * Publish an event on one channel.
	 * @param channel the channel
	 * @param event the event name
	 * @param data the payload: a {@link String} is sent as it is, anything else as JSON
	 * @return Pusher's answer
	 */
	TriggerResult trigger(String channel, String event, Object data);

	/**
	 * Publish the same event on several channels; more than 100 channels are sent as
	 * several triggers.
	 * @param channels the channels
	 * @param event the event name
	 * @param data the payload
	 * @return Pusher's answer
	 */
	TriggerResult trigger(Collection<String> channels, String event, Object data);

	/**
	 * Publish a message; more than 100 channels are sent as several triggers.
	 * @param message the message
	 * @return Pusher's answer, with the channel attributes the message asked for
	 */
	TriggerResult trigger(PusherMessage message);

	/**
	 * Publish different events in as few calls as possible: at most 10 events a call.
	 * @param messages the messages; one naming several channels becomes one batch event
	 * per channel
	 * @return one result per batch event, in order
	 */
	BatchResult triggerBatch(List<PusherMessage> messages);

	/**
	 * Publish a message without blocking the caller. Validation still happens at once, on
	 * the calling thread. The future may complete on an I/O thread of the HTTP client, so
	 * stages chained to it must not block: give blocking work to an executor of your own
	 * with the {@code ...Async} variants. Cancelling the future gives the call up:
	 * {@link PusherTemplate}'s cancels the request in flight, which aborts its exchange,
	 * and any retry (Pusher may have received the event all the same).
	 * @param message the message
	 * @return a future that completes with Pusher's answer, or with the failure after the
	 * configured retries: the same {@link PusherException}, suppressed exceptions and
	 * delivery flag as a blocking call
	 */
	CompletableFuture<TriggerResult> triggerAsync(PusherMessage message);

	/**
	 * Publish an event to every connection of one signed-in user.
	 * @param userId the user id the connections signed in with
	 * @param event the event name
	 * @param data the payload
	 */
	void sendToUser(String userId, String event, Object data);

	/**
	 * Query one channel.
	 * @param channel the channel
	 * @param info attributes to include: {@link ChannelInfo#SUBSCRIPTION_COUNT}, and
	 * {@link ChannelInfo#USER_COUNT} for presence channels
	 * @return the channel's state
	 */
	ChannelInfo channel(String channel, String... info);

	/**
	 * List the occupied channels.
	 * @param prefixFilter only channels starting with this prefix, or {@code null} for
	 * all
	 * @param info attributes to include: {@link ChannelInfo#USER_COUNT}, which needs a
	 * {@code presence-} prefix filter
	 * @return the occupied channels by name
	 */
	Map<String, ChannelInfo> channels(@Nullable String prefixFilter, String... info);

	/**
	 * List the users on a presence channel.
	 * @param presenceChannel a {@code presence-} channel
	 * @return the user ids
	 */
	List<String> users(String presenceChannel);

	/**
	 * Disconnect every connection of one signed-in user.
	 * @param userId the user id
	 */
	void terminateUserConnections(String userId);

}
