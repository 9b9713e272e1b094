package io.pusherspring.test.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.ToIntFunction;

import io.netty.channel.EventLoop;
import io.pusherspring.core.ChannelNames;
import org.jspecify.annotations.Nullable;

/**
 * Pusher's subscription counting, while the app has it enabled (a setting of Pusher's
 * dashboard, off by default): whenever a connection subscribes to or unsubscribes from a
 * channel that is not a presence channel, the channel's count is published, which sends
 * {@code pusher_internal:subscription_count} to its subscribers and a
 * {@code subscription_count} webhook. On a channel with more than 100 subscribers Pusher
 * publishes at most once every five seconds while subscriptions change: a change within
 * five seconds of the last publication is published when they have passed, with the count
 * at that time.
 */
final class SubscriptionCounts {

	/** Above this many subscribers, counts are published at most once an interval. */
	static final int THROTTLED_ABOVE = 100;

	/** The shortest time between two publications on a channel over the threshold. */
	static final Duration INTERVAL = Duration.ofSeconds(5);

	private final ToIntFunction<String> counts;

	private final Consumer<String> publisher;

	private final LongSupplier nanoTime;

	// the last publication on each channel with subscribers, guarded by this
	private final Map<String, Published> published = new HashMap<>();

	private volatile boolean enabled;

	private volatile @Nullable Scheduler scheduler;

	/**
	 * @param counts the current number of subscribers of a channel
	 * @param publisher publishes the current count of a channel
	 * @param nanoTime the time, as {@link System#nanoTime()}
	 */
	SubscriptionCounts(ToIntFunction<String> counts, Consumer<String> publisher, LongSupplier nanoTime) {
		this.counts = counts;
		this.publisher = publisher;
		this.nanoTime = nanoTime;
	}

	void enabled(boolean enabled) {
		this.enabled = enabled;
	}

	boolean enabled() {
		return this.enabled;
	}

	/**
	 * Publish deferred counts with this scheduler; without one they are dropped.
	 */
	void start(@Nullable Scheduler scheduler) {
		this.scheduler = scheduler;
	}

	/**
	 * The subscribers of a channel changed.
	 */
	synchronized void changed(String channel) {
		if (!this.enabled || ChannelNames.isPresence(channel)) {
			return;
		}
		long now = this.nanoTime.getAsLong();
		Published last = this.published.get(channel);
		if (last != null && this.counts.applyAsInt(channel) > THROTTLED_ABOVE && now - last.at < INTERVAL.toNanos()) {
			if (last.pending == null) {
				defer(channel, last, last.at + INTERVAL.toNanos() - now);
			}
			return;
		}
		if (last != null && last.pending != null) {
			last.pending.cancel().run();
		}
		publish(channel, now);
	}

	private void defer(String channel, Published last, long delayNanos) {
		Scheduler running = this.scheduler;
		if (running == null) {
			return;
		}
		Pending pending = new Pending();
		last.pending = pending;
		pending.cancel = running.schedule(() -> publishDeferred(channel, pending), delayNanos);
	}

	private synchronized void publishDeferred(String channel, Pending pending) {
		Published last = this.published.get(channel);
		if (last == null || last.pending != pending) {
			// published since, or cancelled after this task started
			return;
		}
		last.pending = null;
		if (this.enabled) {
			publish(channel, this.nanoTime.getAsLong());
		}
	}

	private void publish(String channel, long now) {
		this.publisher.accept(channel);
		if (this.counts.applyAsInt(channel) == 0) {
			this.published.remove(channel);
		}
		else {
			this.published.put(channel, new Published(now));
		}
	}

	/**
	 * Runs a task after a delay.
	 */
	@FunctionalInterface
	interface Scheduler {

		/**
		 * Run a task after a delay.
		 * @return what cancels the task if it has not started
		 */
		Runnable schedule(Runnable task, long delayNanos);

		/**
		 * Run tasks on an event loop; none once it is shutting down.
		 */
		static Scheduler on(EventLoop loop) {
			return (task, delayNanos) -> {
				try {
					ScheduledFuture<?> scheduled = loop.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
					return () -> scheduled.cancel(false);
				}
				catch (RejectedExecutionException ex) {
					return () -> {
					};
				}
			};
		}

	}

	private static final class Published {

		private final long at;

		private @Nullable Pending pending;

		Published(long at) {
			this.at = at;
		}

	}

	private static final class Pending {

		private Runnable cancel = () -> {
		};

		Runnable cancel() {
			return this.cancel;
		}

	}

}
