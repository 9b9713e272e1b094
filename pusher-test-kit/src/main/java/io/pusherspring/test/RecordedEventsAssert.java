package io.pusherspring.test;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.FactoryBasedNavigableListAssert;
import org.assertj.core.api.ObjectAssert;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.test.PusherAssertions.ChannelEvent;

import org.springframework.util.Assert;

/**
 * Assertions on a list of recorded events, such as {@link PusherRecorder#capture}
 * returns: AssertJ's list assertions plus those of {@link PusherRecorderAssert}. Every
 * failure of the latter lists all events of the list.
 *
 * @see PusherAssertions#assertThat(List)
 */
public class RecordedEventsAssert extends
		FactoryBasedNavigableListAssert<RecordedEventsAssert, List<? extends RecordedEvent>, RecordedEvent, ObjectAssert<RecordedEvent>> {

	private JsonMapper jsonMapper = JsonMapper.shared();

	RecordedEventsAssert(List<? extends RecordedEvent> events) {
		super(events, RecordedEventsAssert.class, ObjectAssert::new);
	}

	/**
	 * Use a mapper to write objects given to {@link RecordedEventAssert#withData(Object)}
	 * and to read data.
	 * @param jsonMapper the mapper
	 * @return this assertion
	 * @see PusherRecorderAssert#usingJsonMapper(JsonMapper)
	 */
	public RecordedEventsAssert usingJsonMapper(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		this.jsonMapper = jsonMapper;
		return this;
	}

	/**
	 * Verify that the list holds an event on a channel.
	 * @param channel the channel name
	 * @param event the event name
	 * @return an assertion on that event, to check its data
	 * @see PusherRecorderAssert#hasTriggered(String, String)
	 */
	public RecordedEventAssert hasTriggered(String channel, String event) {
		return pusher().hasTriggered(channel, event);
	}

	/**
	 * Verify that the list holds an event sent to a user.
	 * @param userId the user id
	 * @param event the event name
	 * @return an assertion on that event, to check its data
	 * @see PusherRecorderAssert#hasSentToUser(String, String)
	 */
	public RecordedEventAssert hasSentToUser(String userId, String event) {
		return pusher().hasSentToUser(userId, event);
	}

	/**
	 * Verify that the list holds no such event on a channel.
	 * @param channel the channel name
	 * @param event the event name
	 * @return this assertion
	 * @see PusherRecorderAssert#hasNotTriggered(String, String)
	 */
	public RecordedEventsAssert hasNotTriggered(String channel, String event) {
		pusher().hasNotTriggered(channel, event);
		return this;
	}

	/**
	 * Verify that the list holds no events.
	 * @return this assertion
	 * @see PusherRecorderAssert#hasNoEvents()
	 */
	public RecordedEventsAssert hasNoEvents() {
		pusher().hasNoEvents();
		return this;
	}

	/**
	 * Verify that the list holds an event on a channel exactly some number of times.
	 * @param times the number of times
	 * @param channel the channel name
	 * @param event the event name
	 * @return this assertion
	 * @see PusherRecorderAssert#hasTriggeredTimes(int, String, String)
	 */
	public RecordedEventsAssert hasTriggeredTimes(int times, String channel, String event) {
		pusher().hasTriggeredTimes(times, channel, event);
		return this;
	}

	/**
	 * Verify that the list holds events on one channel in an order.
	 * @param channel the channel name
	 * @param events the event names, in the expected order
	 * @return this assertion
	 * @see PusherRecorderAssert#hasTriggeredInOrder(String, String...)
	 */
	public RecordedEventsAssert hasTriggeredInOrder(String channel, String... events) {
		pusher().hasTriggeredInOrder(channel, events);
		return this;
	}

	/**
	 * Verify that the list holds events in an order, on any channels.
	 * @param events the events, made with {@link PusherAssertions#on(String, String)}
	 * @return this assertion
	 * @see PusherRecorderAssert#hasTriggeredInOrder(ChannelEvent...)
	 */
	public RecordedEventsAssert hasTriggeredInOrder(ChannelEvent... events) {
		pusher().hasTriggeredInOrder(events);
		return this;
	}

	@Override
	protected RecordedEventsAssert newAbstractIterableAssert(Iterable<? extends RecordedEvent> iterable) {
		List<RecordedEvent> events = new ArrayList<>();
		iterable.forEach(events::add);
		return new RecordedEventsAssert(events).usingJsonMapper(this.jsonMapper);
	}

	private PusherRecorderAssert pusher() {
		isNotNull();
		PusherRecorder recorder = new PusherRecorder();
		this.actual.forEach(recorder::record);
		PusherRecorderAssert pusher = new PusherRecorderAssert(recorder).usingJsonMapper(this.jsonMapper);
		pusher.info.description(this.info.description());
		return pusher;
	}

}
