package io.pusherspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An expected event: a channel, an event name and further criteria, checked against a
 * {@link PusherRecorder}, waiting up to a timeout.
 *
 * @param recorder where the events are
 * @param channel the channel the event must have gone to
 * @param event the event name
 * @param criteria further requirements, all to be met by the same event
 * @param timeout how long to wait for a match; zero for no wait
 * @param jsonMapper how expected objects become JSON
 */
record Expectation(PusherRecorder recorder, String channel, String event, List<Criterion> criteria, Duration timeout,
		JsonMapper jsonMapper) {

	Expectation {
		criteria = List.copyOf(criteria);
	}

	Expectation and(Criterion criterion) {
		List<Criterion> more = new ArrayList<>(this.criteria);
		more.add(criterion);
		return new Expectation(this.recorder, this.channel, this.event, more, this.timeout, this.jsonMapper);
	}

	/**
	 * Wait for an event that meets every criterion.
	 * @param found receives the first matching event
	 * @return {@code null}, or why no event matched
	 */
	@Nullable String awaitMatch(AtomicReference<@Nullable RecordedEvent> found) {
		return Waiting.until(this.timeout, () -> {
			List<RecordedEvent> events = this.recorder.events();
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
	@Nullable String awaitTimes(int times) {
		return Waiting.until(this.timeout, () -> {
			List<RecordedEvent> events = this.recorder.events();
			long count = events.stream().filter(this::matches).count();
			if (count == times) {
				return null;
			}
			return "Expected " + describe() + "\nto be triggered " + EventListing.times(times)
					+ ", but it was triggered " + EventListing.times(count) + ".\n" + EventListing.of(events);
		});
	}

	boolean matches(RecordedEvent candidate) {
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

	String describe() {
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
		return text.append('\n').append(EventListing.of(events)).toString();
	}

	/**
	 * A requirement on a recorded event.
	 *
	 * @param description what is required, such as {@code with data {"id":1}}
	 * @param mismatch returns why an event does not meet it, or {@code null} if it does
	 */
	record Criterion(String description, Function<RecordedEvent, @Nullable String> mismatch) {

	}

}
