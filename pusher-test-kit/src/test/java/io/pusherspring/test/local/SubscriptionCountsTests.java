package io.pusherspring.test.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link SubscriptionCounts}, on a clock and a scheduler the test moves by
 * hand: every change is published at once, except on channels with more than 100
 * subscribers, where Pusher publishes at most once every five seconds.
 */
class SubscriptionCountsTests {

	private static final long SECOND = 1_000_000_000L;

	private final Map<String, Integer> subscribers = new HashMap<>();

	private final List<String> published = new ArrayList<>();

	private final List<Scheduled> scheduled = new ArrayList<>();

	private long now = 1000 * SECOND;

	private final SubscriptionCounts counts = new SubscriptionCounts(
			(channel) -> this.subscribers.getOrDefault(channel, 0),
			(channel) -> this.published.add(channel + " " + this.subscribers.getOrDefault(channel, 0)), () -> this.now);

	@BeforeEach
	void start() {
		this.counts.enabled(true);
		this.counts.start((task, delayNanos) -> {
			Scheduled entry = new Scheduled(task, this.now + delayNanos);
			this.scheduled.add(entry);
			return () -> entry.cancelled = true;
		});
	}

	@Test
	void publishesEveryChangeUpToAHundredSubscribers() {
		for (int count = 1; count <= 100; count++) {
			change("class-7", count);
		}
		change("class-7", 99);
		assertThat(this.published).hasSize(101).endsWith("class-7 100", "class-7 99");
		assertThat(this.scheduled).isEmpty();
	}

	@Test
	void publishesAtMostOnceEveryFiveSecondsAboveAHundredSubscribers() {
		change("lecture", 100);
		change("lecture", 101);
		change("lecture", 102);
		assertThat(this.published).containsExactly("lecture 100");
		assertThat(this.scheduled).singleElement()
			.satisfies((deferred) -> assertThat(deferred.at).isEqualTo(this.now + 5 * SECOND));
		this.now += 3 * SECOND;
		change("lecture", 103);
		assertThat(this.scheduled).hasSize(1);
		this.now += 2 * SECOND;
		runDue();
		assertThat(this.published).containsExactly("lecture 100", "lecture 103");
		this.now += 6 * SECOND;
		change("lecture", 104);
		assertThat(this.published).containsExactly("lecture 100", "lecture 103", "lecture 104");
	}

	@Test
	void publishesAtOnceWhenAThrottledChannelFallsToAHundredAndDropsWhatWasDeferred() {
		change("lecture", 100);
		change("lecture", 101);
		change("lecture", 100);
		assertThat(this.published).containsExactly("lecture 100", "lecture 100");
		this.now += 5 * SECOND;
		runDue();
		assertThat(this.published).hasSize(2);
	}

	@Test
	void throttlesEachChannelOnItsOwn() {
		change("a", 101);
		change("b", 101);
		change("a", 102);
		assertThat(this.published).containsExactly("a 101", "b 101");
	}

	@Test
	void countsNeitherPresenceChannelsNorAnythingWhileDisabled() {
		change("presence-class-7", 1);
		this.counts.enabled(false);
		change("class-7", 1);
		assertThat(this.published).isEmpty();
	}

	@Test
	void publishesTheLastChangeToZeroAndForgetsTheChannel() {
		change("lecture", 101);
		change("lecture", 0);
		change("lecture", 101);
		change("lecture", 102);
		assertThat(this.published).containsExactly("lecture 101", "lecture 0", "lecture 101");
	}

	private void change(String channel, int count) {
		this.subscribers.put(channel, count);
		this.counts.changed(channel);
	}

	private void runDue() {
		for (Scheduled entry : List.copyOf(this.scheduled)) {
			if (entry.at <= this.now) {
				this.scheduled.remove(entry);
				if (!entry.cancelled) {
					entry.task.run();
				}
			}
		}
	}

	private static final class Scheduled {

		private final Runnable task;

		private final long at;

		private boolean cancelled;

		Scheduled(Runnable task, long at) {
			this.task = task;
			this.at = at;
		}

	}

}
