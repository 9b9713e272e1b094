package io.pusherspring.auth;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherOperations;

import org.springframework.util.Assert;

/**
 * A limit on the connections of each user, counted by Pusher: a user's connections are
 * those subscribed to the user's own private channel (such as
 * {@code private-user-{userId}}), whose {@code subscription_count} Pusher reports once
 * the app's subscription counting is on. A subscription to that channel is refused while
 * the user has as many connections on it as the limit allows.
 * <p>
 * The count is Pusher's, so every instance of the application sees the same one. It is
 * approximate where Pusher's count is: two subscriptions authorized at the same moment
 * both see the count before either, and a connection that dropped without closing counts
 * until Pusher notices (at most its activity timeout later). If Pusher cannot be asked,
 * or does not report the count, the subscription is let through and a warning says why.
 */
public final class UserConnectionLimit {

	private static final Log logger = LogFactory.getLog(UserConnectionLimit.class);

	private final PusherOperations operations;

	private final int maxConnections;

	private final ChannelPattern channel;

	private final AtomicBoolean warnedAboutCounting = new AtomicBoolean();

	/**
	 * Create a limit.
	 * @param operations what asks Pusher for the count
	 * @param maxConnections the most connections a user may have, at least 1
	 * @param channel the pattern of the user's own channel, a {@code private-} channel
	 * with one variable for the user, such as {@code private-user-{userId}}
	 */
	public UserConnectionLimit(PusherOperations operations, int maxConnections, String channel) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.isTrue(maxConnections >= 1, "'maxConnections' must be at least 1");
		Assert.isTrue(channel != null && channel.startsWith("private-"),
				() -> "The connection limit's channel must be a private- channel, whose subscriptions Pusher counts, not '"
						+ channel + "'");
		this.operations = operations;
		this.maxConnections = maxConnections;
		this.channel = ChannelPattern.parse(channel);
		Assert.isTrue(this.channel.variableNames().size() == 1,
				() -> "The connection limit's channel needs one variable for the user, such as private-user-{userId}, not '"
						+ channel + "'");
	}

	/**
	 * The most connections a user may have.
	 * @return the limit
	 */
	public int getMaxConnections() {
		return this.maxConnections;
	}

	/**
	 * The pattern of the channel whose subscriptions count.
	 * @return the pattern, such as {@code private-user-{userId}}
	 */
	public String getChannel() {
		return this.channel.source();
	}

	/**
	 * Whether a subscription to a channel must be refused.
	 * @param channelName the channel a connection subscribes to
	 * @return why the subscription is refused, or {@code null} if it may go on
	 */
	@Nullable String refusal(String channelName) {
		Map<String, String> variables = this.channel.match(channelName);
		if (variables == null) {
			return null;
		}
		String user = variables.values().iterator().next();
		Integer count;
		try {
			ChannelInfo info = this.operations.channel(channelName, ChannelInfo.SUBSCRIPTION_COUNT);
			count = info.subscriptionCount();
		}
		catch (PusherApiException ex) {
			if (ex.getStatusCode() != 400) {
				return cannotCount(user, channelName, ex);
			}
			// Pusher answers 400 to a query for subscription_count while counting is off
			count = null;
		}
		catch (PusherException ex) {
			return cannotCount(user, channelName, ex);
		}
		if (count == null) {
			if (this.warnedAboutCounting.compareAndSet(false, true)) {
				logger.warn("Pusher does not report subscription_count, so user connections are not limited: "
						+ "switch subscription counting on in the app's settings in Pusher's dashboard");
			}
			return null;
		}
		if (count >= this.maxConnections) {
			return "user " + user + " already has " + count + " connections; at most " + this.maxConnections
					+ " are allowed";
		}
		return null;
	}

	private static @Nullable String cannotCount(String user, String channelName, PusherException ex) {
		logger.warn("Could not ask Pusher how many connections user " + user + " has, so the subscription to "
				+ channelName + " is not limited: " + ex.getMessage());
		return null;
	}

	@Override
	public String toString() {
		return "UserConnectionLimit[" + this.maxConnections + " connections per user on " + this.channel.source() + "]";
	}

}
