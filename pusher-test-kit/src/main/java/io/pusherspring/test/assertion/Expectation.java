package io.pusherspring.test.assertion;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import io.pusherspring.test.RecordedEvent;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expected event: a channel, an event name and further criteria, checked against
 * recorded events, waiting up to a timeout. Internal to the test kit: public only so that
 * the assertions of {@code io.pusherspring.test} can build on it.
 *
 * @param events reads the recorded events, oldest first
 * @param channel the channel the event must have gone to
 * @param event the event name
 * @param criteria further requirements, all to be met by the same event
 * @param timeout how long to wait for a match; zero for no wait
 * @param jsonMapper how expected objects become JSON
 */
public record Expectation(Supplier<List<RecordedEvent>> events, String channel, String event, List<Criterion> criteria,
		Duration timeout, JsonMapper jsonMapper) {

	/**
	 * An expected event.
	 * @param events reads the recorded events, oldest first
	 * @param channel the channel the event must have gone to
	 * @param event the event name
	 * @param criteria further requirements, all to be met by the same event
	 * @param timeout how long to wait for a match; zero for no wait
	 * @param jsonMapper how expected objects become JSON
	 */
	public Expectation {
		criteria = List.copyOf(criteria);
	}

	/**
	 * This expectation with one more criterion.
	 * @param criterion the criterion
	 * @return a new expectation
	 */
	public Expectation and(Criterion criterion) {
		List<Criterion> more = new ArrayList<>(this.criteria);
		more.add(criterion);
		return new Expectation(this.events, this.channel, this.event, more, this.timeout, this.jsonMapper);
	}

	/**
	 * Wait for an event that meets every criterion.
	 * @param found receives the first matching event
	 * @return {@code null}, or why no event matched
	 */
	public @Nullable String awaitMatch(AtomicReference<@Nullable RecordedEvent> found) {
		return Polling.until(this.timeout, () -> {
			List<RecordedEvent> events = this.events.get();
			for (RecordedEvent candidate : events) {
				if (matches(candidate)) {
					found.set(candidate);
					return null;
				}
			}
			return notFound(events);
		});
	}

	/**
	 * Wait until exactly some number of events meet every criterion.
	 * @param times the number of events
	 * @return {@code null}, or the count found instead
	 */
	public @Nullable String awaitTimes(int times) {
		return Polling.until(this.timeout, () -> {
			List<RecordedEvent> events = this.events.get();
			long count = events.stream().filter(this::matches).count();
			if (count == times) {
				return null;
			}
			return "Expected " + describe() + "\nto be triggered " + FailureMessages.times(times)
					+ ", but it was triggered " + FailureMessages.times(count) + ".\n"
					+ FailureMessages.recordedEvents(events);
		});
	}

	/**
	 * Whether an event meets this expectation.
	 * @param candidate the event
	 * @return {@code true} if it is on the channel, has the name and meets every
	 * criterion
	 */
	public boolean matches(RecordedEvent candidate) {
		return isCandidate(candidate) && mismatch(candidate) == null;
	}

	private boolean isCandidate(RecordedEvent candidate) {
		return candidate.isOn(this.channel) && candidate.event().equals(this.event);
	}

	private @Nullable String mismatch(RecordedEvent candidate) {
		for (Criterion criterion : this.criteria) {
			String mismatch = criterion.mismatch().apply(candidate);
			if (mismatch != null) {
				return mismatch;
			}
		}
		return null;
	}

	/**
	 * What is expected, for failure messages.
	 * @return the description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("event '").append(this.event)
			.append("' on channel ")
			.append(this.channel);
		for (Criterion criterion : this.criteria) {
			text.append("\n  ").append(criterion.description());
		}
		return text.toString();
	}

	private String notFound(List<RecordedEvent> events) {
		StringBuilder text = new StringBuilder("Expected ").append(describe()).append('\n');
		List<RecordedEvent> candidates = events.stream().filter(this::isCandidate).toList();
		if (candidates.isEmpty()) {
			text.append("but it was not triggered.");
		}
		else {
			text.append("but no '").append(this.event).append("' on ").append(this.channel).append(" matched:");
			for (RecordedEvent candidate : candidates) {
				text.append("\n  - ").append(mismatch(candidate));
			}
		}
		return text.append('\n').append(FailureMessages.recordedEvents(events)).toString();
	}

	/**
	 * A requirement on a recorded event.
	 *
	 * @param description what is required, such as {@code with data {"id":1}}
	 * @param mismatch returns why an event does not meet it, or {@code null} if it does
	 */
	public record Criterion(String description, Function<RecordedEvent, @Nullable String> mismatch) {

	}

}
