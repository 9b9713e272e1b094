package io.pusherspring.test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an application sent to Pusher, in order. Safe to use from several threads and from
 * asynchronous publishing.
 */
public class PusherRecorder {

	private final List<RecordedEvent> events = new ArrayList<>();

	/**
	 * Every event recorded so far, oldest first.
	 * @return a snapshot of the events
	 */
	public List<RecordedEvent> events() {
		synchronized (this.events) {
			return List.copyOf(this.events);
		}
	}

	/**
	 * The events that went to one channel, oldest first.
	 * @param channel the channel name
	 * @return a snapshot of those events
	 */
	public List<RecordedEvent> events(String channel) {
		return matching((event) -> event.isOn(channel));
	}

	/**
	 * Forget everything recorded so far.
	 */
	public void clear() {
		synchronized (this.events) {
			this.events.clear();
		}
	}

	/**
	 * Run a block and return only the events it sent. Events sent asynchronously after
	 * the block returns are not included.
	 * @param <E> what the block may throw; a block that throws no checked exception needs
	 * no {@code throws} clause
	 * @param block the code to run
	 * @return the events recorded while it ran
	 * @throws E whatever the block throws
	 */
	public <E extends Throwable> List<RecordedEvent> capture(ThrowingRunnable<E> block) throws E {
		int start;
		synchronized (this.events) {
			start = this.events.size();
		}
		block.run();
		synchronized (this.events) {
			return List.copyOf(this.events.subList(Math.min(start, this.events.size()), this.events.size()));
		}
	}

	/**
	 * Add an event, as the in-memory transport or the fake server does when Pusher would
	 * accept it.
	 * @param event the event sent
	 */
	void record(RecordedEvent event) {
		synchronized (this.events) {
			this.events.add(event);
		}
	}

	List<RecordedEvent> matching(Predicate<RecordedEvent> predicate) {
		return events().stream().filter(predicate).toList();
	}

	@Override
	public String toString() {
		List<RecordedEvent> snapshot = events();
		if (snapshot.isEmpty()) {
			return "no events";
		}
		StringBuilder text = new StringBuilder(snapshot.size() + " event(s):");
		for (RecordedEvent event : snapshot) {
			text.append(System.lineSeparator()).append("  ").append(event);
		}
		return text.toString();
	}

	/**
	 * A block of code that may throw.
	 *
	 * @param <E> what it may throw
	 */
	@FunctionalInterface
	public interface ThrowingRunnable<E extends Throwable> {

		/**
		 * Run the block.
		 * @throws E any failure
		 */
		void run() throws E;

	}

}
