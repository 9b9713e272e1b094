package io.pusherspring.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One event to publish: the channels it goes to, its name and data, the socket to leave
 * out, and the channel attributes Pusher should report back. Checked against Pusher's
 * rules when it is triggered, not when it is built.
 *
 * @param channels the channels to publish on
 * @param event the event name
 * @param data the payload: a {@link String} is sent as it is, anything else as JSON
 * @param excludeSocketId the socket that should not receive the event, or {@code null}
 * @param info the attributes to report per channel
 * ({@link ChannelInfo#SUBSCRIPTION_COUNT}, {@link ChannelInfo#USER_COUNT})
 */
public record PusherMessage(List<String> channels, String event, @Nullable Object data,
		@Nullable String excludeSocketId, Set<String> info) {

	/**
	 * Create a message, keeping unmodifiable copies of the channels and the attributes
	 * ({@code null} stands for none).
	 * @param channels the channels to publish on
	 * @param event the event name
	 * @param data the payload
	 * @param excludeSocketId the socket that should not receive the event, or
	 * {@code null}
	 * @param info the attributes to report per channel
	 */
	public PusherMessage {
		channels = (channels != null) ? Collections.unmodifiableList(new ArrayList<>(channels)) : List.of();
		info = (info != null) ? Collections.unmodifiableSet(new LinkedHashSet<>(info)) : Set.of();
	}

	/**
	 * A message to one channel.
	 * @param channel the channel
	 * @param event the event name
	 * @param data the payload
	 * @return the message
	 */
	public static PusherMessage of(String channel, String event, Object data) {
		return builder().channel(channel).event(event).data(data).build();
	}

	/**
	 * Start building a message.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builder for {@link PusherMessage}.
	 */
	public static final class Builder {

		private final List<String> channels = new ArrayList<>();

		private @Nullable String event;

		private @Nullable Object data;

		private @Nullable String excludeSocketId;

		private final Set<String> info = new LinkedHashSet<>();

		private Builder() {
		}

		/**
		 * Add a channel.
		 * @param channel the channel name
		 * @return this builder
		 */
		public Builder channel(String channel) {
			this.channels.add(channel);
			return this;
		}

		/**
		 * Add channels.
		 * @param channels the channel names
		 * @return this builder
		 */
		public Builder channels(String... channels) {
			return channels(Arrays.asList(channels));
		}

		/**
		 * Add channels.
		 * @param channels the channel names
		 * @return this builder
		 */
		public Builder channels(Collection<String> channels) {
			this.channels.addAll(channels);
			return this;
		}

		/**
		 * Set the event name.
		 * @param event the event name
		 * @return this builder
		 */
		public Builder event(String event) {
			this.event = event;
			return this;
		}

		/**
		 * Set the payload.
		 * @param data a {@link String} to send as it is, or an object to send as JSON
		 * @return this builder
		 */
		public Builder data(@Nullable Object data) {
			this.data = data;
			return this;
		}

		/**
		 * Leave out one connection, typically the one whose request caused the event.
		 * @param socketId the socket id to exclude, or {@code null}
		 * @return this builder
		 */
		public Builder excludeSocketId(@Nullable String socketId) {
			this.excludeSocketId = socketId;
			return this;
		}

		/**
		 * Ask Pusher to report channel attributes in the result.
		 * @param attributes {@link ChannelInfo#SUBSCRIPTION_COUNT} and/or
		 * {@link ChannelInfo#USER_COUNT}
		 * @return this builder
		 */
		public Builder info(String... attributes) {
			this.info.addAll(Arrays.asList(attributes));
			return this;
		}

		/**
		 * Build the message.
		 * @return the message
		 */
		public PusherMessage build() {
			return new PusherMessage(this.channels, (this.event != null) ? this.event : "", this.data,
					this.excludeSocketId, this.info);
		}

	}

}
