package io.pusherspring.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.core.ChannelNames;
import io.pusherspring.test.PusherAssertions.ChannelEvent;
import io.pusherspring.test.assertion.FailureMessages;
import io.pusherspring.test.assertion.Expectation;
import io.pusherspring.test.assertion.Polling;

import org.springframework.util.Assert;

/**
 * Assertions on the events a {@link PusherRecorder} holds. Every failure message lists
 * all recorded events.
 *
 * @see PusherAssertions#assertThat(PusherRecorder)
 */
public class PusherRecorderAssert extends AbstractAssert<PusherRecorderAssert, PusherRecorder> {

	/** How long {@link #eventually()} waits. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

	private Duration timeout = Duration.ZERO;

	private JsonMapper jsonMapper = JsonMapper.shared();

	PusherRecorderAssert(PusherRecorder recorder) {
		super(recorder, PusherRecorderAssert.class);
	}

	/**
	 * Make the following assertions wait up to 5 seconds for events published
	 * asynchronously; negative ones must then hold for the whole 5 seconds.
	 * @return this assertion
	 */
	public PusherRecorderAssert eventually() {
		return within(DEFAULT_TIMEOUT);
	}

	/**
	 * Make the following assertions wait up to a timeout for events published
	 * asynchronously; negative ones ({@link #hasNotTriggered}, {@link #hasNoEvents()})
	 * must then hold for the whole timeout.
	 * @param timeout the longest wait
	 * @return this assertion
	 */
	public PusherRecorderAssert within(Duration timeout) {
		Assert.isTrue(timeout != null && !timeout.isNegative(), "'timeout' must not be null or negative");
		this.timeout = timeout;
		return this;
	}

	/**
	 * Use a mapper to write objects given to {@link RecordedEventAssert#withData(Object)}
	 * and to read data, such as the application's own {@link JsonMapper}.
	 * @param jsonMapper the mapper
	 * @return this assertion
	 */
	public PusherRecorderAssert usingJsonMapper(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		this.jsonMapper = jsonMapper;
		return this;
	}

	/**
	 * Verify that an event was triggered on a channel, alone or among others.
	 * @param channel the channel name
	 * @param event the event name
	 * @return an assertion on that event, to check its data
	 */
	public RecordedEventAssert hasTriggered(String channel, String event) {
		Assert.hasText(channel, "'channel' must not be empty");
		Assert.hasText(event, "'event' must not be empty");
		isNotNull();
		Expectation expectation = new Expectation(this.actual::events, channel, event, List.of(), this.timeout,
				this.jsonMapper);
		AtomicReference<@Nullable RecordedEvent> found = new AtomicReference<>();
		String failure = expectation.awaitMatch(found);
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		RecordedEventAssert result = new RecordedEventAssert(expectation, found.get());
		result.info.description(this.info.description());
		return result;
	}

	/**
	 * Verify that an event was sent to a user with
	 * {@link io.pusherspring.core.PusherOperations#sendToUser}.
	 * @param userId the user id
	 * @param event the event name
	 * @return an assertion on that event, to check its data
	 */
	public RecordedEventAssert hasSentToUser(String userId, String event) {
		Assert.hasText(userId, "'userId' must not be empty");
		return hasTriggered(ChannelNames.SERVER_TO_USER_PREFIX + userId, event);
	}

	/**
	 * Verify that an event was not triggered on a channel.
	 * @param channel the channel name
	 * @param event the event name
	 * @return this assertion
	 */
	public PusherRecorderAssert hasNotTriggered(String channel, String event) {
		isNotNull();
		ChannelEvent expected = PusherAssertions.on(channel, event);
		String failure = Polling.throughout(this.timeout, () -> {
			List<RecordedEvent> events = this.actual.events();
			long count = events.stream().filter(expected::matches).count();
			return (count == 0) ? null : "Expected no " + expected + ", but it was triggered "
					+ FailureMessages.times(count) + ".\n" + FailureMessages.recordedEvents(events);
		});
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		return this;
	}

	/**
	 * Verify that nothing was sent to Pusher.
	 * @return this assertion
	 */
	public PusherRecorderAssert hasNoEvents() {
		isNotNull();
		String failure = Polling.throughout(this.timeout, () -> {
			List<RecordedEvent> events = this.actual.events();
			return events.isEmpty() ? null
					: "Expected no events, but some were triggered.\n" + FailureMessages.recordedEvents(events);
		});
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		return this;
	}

	/**
	 * Verify that an event was triggered on a channel exactly some number of times.
	 * @param times the number of times
	 * @param channel the channel name
	 * @param event the event name
	 * @return this assertion
	 */
	public PusherRecorderAssert hasTriggeredTimes(int times, String channel, String event) {
		Assert.isTrue(times >= 0, "'times' must not be negative");
		Assert.hasText(channel, "'channel' must not be empty");
		Assert.hasText(event, "'event' must not be empty");
		isNotNull();
		String failure = new Expectation(this.actual::events, channel, event, List.of(), this.timeout, this.jsonMapper)
			.awaitTimes(times);
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		return this;
	}

	/**
	 * Verify that events were triggered on one channel in an order; other events may come
	 * before, between and after them.
	 * @param channel the channel name
	 * @param events the event names, in the expected order
	 * @return this assertion
	 */
	public PusherRecorderAssert hasTriggeredInOrder(String channel, String... events) {
		Assert.notEmpty(events, "'events' must not be empty");
		return hasTriggeredInOrder(
				Arrays.stream(events).map((event) -> PusherAssertions.on(channel, event)).toArray(ChannelEvent[]::new));
	}

	/**
	 * Verify that events were triggered in an order, on any channels; other events may
	 * come before, between and after them.
	 * @param events the events, made with {@link PusherAssertions#on(String, String)}
	 * @return this assertion
	 */
	public PusherRecorderAssert hasTriggeredInOrder(ChannelEvent... events) {
		Assert.notEmpty(events, "'events' must not be empty");
		isNotNull();
		List<ChannelEvent> expected = List.of(events);
		String failure = Polling.until(this.timeout, () -> {
			List<RecordedEvent> recorded = this.actual.events();
			int next = 0;
			for (RecordedEvent event : recorded) {
				while (next < expected.size() && expected.get(next).matches(event)) {
					next++;
				}
			}
			if (next == expected.size()) {
				return null;
			}
			List<ChannelEvent> seen = new ArrayList<>(expected.subList(0, next));
			return "Expected events in this order:\n  " + expected + "\nbut "
					+ (seen.isEmpty() ? "" : "after " + seen + " ") + "no " + expected.get(next) + " followed.\n"
					+ FailureMessages.recordedEvents(recorded);
		});
		if (failure != null) {
			failWithMessage("%s", failure);
		}
		return this;
	}

}
