package io.pusherspring.core;

import org.jspecify.annotations.Nullable;

/**
 * What Pusher reports about one channel.
 *
 * @param name the channel name
 * @param occupied whether at least one connection is subscribed
 * @param userCount distinct users on a presence channel, when {@link #USER_COUNT} was
 * asked for
 * @param subscriptionCount connections subscribed, when {@link #SUBSCRIPTION_COUNT} was
 * asked for (the app must have subscription counting enabled)
 */
public record ChannelInfo(String name, boolean occupied, @Nullable Integer userCount,
		@Nullable Integer subscriptionCount) {

	/** Info attribute: distinct users of a presence channel. */
	public static final String USER_COUNT = "user_count";

	/** Info attribute: connections subscribed to a channel. */
	public static final String SUBSCRIPTION_COUNT = "subscription_count";

}
