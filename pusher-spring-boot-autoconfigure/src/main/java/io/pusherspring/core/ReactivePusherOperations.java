package io.pusherspring.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link PusherOperations} for reactive applications: the same operations, each a lazy
 * {@link Mono}. Nothing is checked or sent until the {@code Mono} is subscribed, and each
 * subscription is a call of its own (so {@code retry()} sends again). No method throws: a
 * broken rule of Pusher's is a {@link PusherValidationException} error signal, and a
 * failed call a {@link PusherApiException} or {@link PusherConnectionException} one,
 * whose {@link PusherException#isPossiblyDelivered()} tells whether the event may have
 * been delivered all the same. Cancelling a subscription gives the call up.
 *
 * @see ReactivePusherTemplate
 */
public interface ReactivePusherOperations {

	/**
	 * Publish an event on one channel.
	 * @param channel the channel
	 * @param event the event name
	 * @param data the payload: a {@link String} is sent as it is, anything else as JSON,
	 * written when the {@code Mono} is subscribed
	 * @return Pusher's answer
	 */
	Mono<TriggerResult> trigger(String channel, String event, Object data);

	/**
	 * Publish the same event on several channels; more than 100 channels are sent as
	 * several triggers.
	 * @param channels the channels
	 * @param event the event name
	 * @param data the payload
	 * @return Pusher's answer
	 */
	Mono<TriggerResult> trigger(Collection<String> channels, String event, Object data);

	/**
	 * Publish a message; more than 100 channels are sent as several triggers.
	 * @param message the message
	 * @return Pusher's answer, with the channel attributes the message asked for
	 */
	Mono<TriggerResult> trigger(PusherMessage message);

	/**
	 * Publish different events in as few calls as possible: at most 10 events a call, one
	 * call after the other.
	 * @param messages the messages; one naming several channels becomes one batch event
	 * per channel
	 * @return one result per batch event, in order
	 */
	Mono<BatchResult> triggerBatch(List<PusherMessage> messages);

	/**
	 * Publish an event to every connection of one signed-in user.
	 * @param userId the user id the connections signed in with
	 * @param event the event name
	 * @param data the payload
	 * @return completes once Pusher has accepted the event
	 */
	Mono<Void> sendToUser(String userId, String event, Object data);

	/**
	 * Query one channel.
	 * @param channel the channel
	 * @param info attributes to include: {@link ChannelInfo#SUBSCRIPTION_COUNT}, and
	 * {@link ChannelInfo#USER_COUNT} for presence channels
	 * @return the channel's state
	 */
	Mono<ChannelInfo> channel(String channel, String... info);

	/**
	 * List the occupied channels.
	 * @param prefixFilter only channels starting with this prefix, or {@code null} for
	 * all
	 * @param info attributes to include: {@link ChannelInfo#USER_COUNT}, which needs a
	 * {@code presence-} prefix filter
	 * @return the occupied channels by name
	 */
	Mono<Map<String, ChannelInfo>> channels(@Nullable String prefixFilter, String... info);

	/**
	 * List the users on a presence channel.
	 * @param presenceChannel a {@code presence-} channel
	 * @return the user ids
	 */
	Mono<List<String>> users(String presenceChannel);

	/**
	 * Disconnect every connection of one signed-in user.
	 * @param userId the user id
	 * @return completes once Pusher has accepted the command
	 */
	Mono<Void> terminateUserConnections(String userId);

}
