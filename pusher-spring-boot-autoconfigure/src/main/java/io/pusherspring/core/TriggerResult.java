package io.pusherspring.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What Pusher answered to a trigger: the channel attributes asked for with
 * {@link PusherMessage#info()}, per channel. Empty when none were asked for.
 *
 * @param channels the attributes reported, by channel name
 */
public record TriggerResult(Map<String, ChannelInfo> channels) {

	private static final TriggerResult EMPTY = new TriggerResult(Map.of());

	/**
	 * Create a result, keeping an unmodifiable copy of the attributes.
	 * @param channels the attributes reported, by channel name
	 */
	public TriggerResult {
		channels = Collections.unmodifiableMap(new LinkedHashMap<>(channels));
	}

	/**
	 * A result without channel attributes.
	 * @return the empty result
	 */
	public static TriggerResult empty() {
		return EMPTY;
	}

	/**
	 * The attributes reported for one channel.
	 * @param channel the channel name
	 * @return the attributes, or empty if none were reported
	 */
	public Optional<ChannelInfo> channel(String channel) {
		return Optional.ofNullable(this.channels.get(channel));
	}

	/**
	 * The number of connections subscribed to a channel when the event was published.
	 * @param channel the channel name
	 * @return the count, if it was asked for and reported
	 */
	public OptionalInt subscriptionCount(String channel) {
		ChannelInfo info = this.channels.get(channel);
		return (info != null && info.subscriptionCount() != null) ? OptionalInt.of(info.subscriptionCount())
				: OptionalInt.empty();
	}

	/**
	 * The number of distinct users on a presence channel when the event was published.
	 * @param channel the channel name
	 * @return the count, if it was asked for and reported
	 */
	public OptionalInt userCount(String channel) {
		ChannelInfo info = this.channels.get(channel);
		return (info != null && info.userCount() != null) ? OptionalInt.of(info.userCount()) : OptionalInt.empty();
	}

	TriggerResult merge(TriggerResult other) {
		if (other.channels.isEmpty()) {
			return this;
		}
		Map<String, ChannelInfo> merged = new LinkedHashMap<>(this.channels);
		merged.putAll(other.channels);
		return new TriggerResult(merged);
	}

}
