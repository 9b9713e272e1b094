package io.pusherspring.test.simulator;

import java.util.List;
import java.util.Map;

import io.pusherspring.test.RecordedEvent;

/**
 * Where the {@link PusherApiSimulator} reads channel state from and sends accepted events
 * to: stubbed state for {@code FakePusherServer} and the in-memory transport, the live
 * connections of a {@code LocalPusherServer}. Internal to the test kit: public only so
 * that its packages share it.
 */
public interface ChannelBackend {

	/**
	 * The state of one channel.
	 * @param channel the channel name
	 * @return its state, {@link Occupancy#EMPTY} if nobody is subscribed
	 */
	Occupancy occupancy(String channel);

	/**
	 * The occupied channels.
	 * @return each occupied channel with its state, in no particular order
	 */
	Map<String, Occupancy> occupied();

	/**
	 * Whether the app counts subscriptions, a setting of Pusher's dashboard: without it
	 * the API refuses to report {@code subscription_count}.
	 * @return {@code true} if {@code subscription_count} may be asked for
	 */
	boolean countsSubscriptions();

	/**
	 * Deliver an event the API accepted.
	 * @param event the event
	 */
	void publish(RecordedEvent event);

	/**
	 * Close every connection of a user.
	 * @param userId the user id
	 */
	void terminate(String userId);

	/**
	 * Forget what tests set up; live connections are not affected.
	 */
	void reset();

	/**
	 * Who is on a channel.
	 *
	 * @param subscriptionCount the connections subscribed
	 * @param userIds the distinct users on a presence channel, in the order they joined
	 */
	record Occupancy(int subscriptionCount, List<String> userIds) {

		/** Nobody on the channel. */
		public static final Occupancy EMPTY = new Occupancy(0, List.of());

		/**
		 * Who is on a channel.
		 * @param subscriptionCount the connections subscribed
		 * @param userIds the distinct users on a presence channel, in the order they
		 * joined
		 */
		public Occupancy {
			userIds = List.copyOf(userIds);
		}

		/**
		 * Whether anybody is on the channel.
		 * @return {@code true} with a subscription or a member
		 */
		public boolean occupied() {
			return this.subscriptionCount > 0 || !this.userIds.isEmpty();
		}

	}

}
