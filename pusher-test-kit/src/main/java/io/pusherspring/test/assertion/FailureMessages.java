package io.pusherspring.test.assertion;

import java.util.List;

import io.pusherspring.test.RecordedEvent;

/**
 * Describes recorded events in failure messages, so that a failing assertion shows what
 * was sent instead. Internal to the test kit: public only so that the assertions of
 * {@code io.pusherspring.test} can build on it.
 */
public final class FailureMessages {

	private static final int MAX_DATA_LENGTH = 500;

	private FailureMessages() {
	}

	/**
	 * Every recorded event, one a line.
	 * @param events the events
	 * @return the listing
	 */
	public static String recordedEvents(List<RecordedEvent> events) {
		if (events.isEmpty()) {
			return "No events were recorded.";
		}
		StringBuilder text = new StringBuilder("Recorded events (").append(events.size()).append("):");
		for (int i = 0; i < events.size(); i++) {
			text.append("\n  ").append(i + 1).append(". ").append(summary(events.get(i)));
		}
		return text.toString();
	}

	/**
	 * One event: channels, name, data and excluded socket.
	 */
	private static String summary(RecordedEvent event) {
		String channels = (event.channels().size() == 1) ? event.channels().get(0)
				: String.join(", ", event.channels());
		return "'" + event.event() + "' on " + channels + " with data " + abbreviate(event.data())
				+ ((event.excludedSocketId() != null) ? " excluding socket " + event.excludedSocketId() : "");
	}

	/**
	 * Data short enough for a failure message.
	 * @param data the data
	 * @return the data, cut after 500 characters
	 */
	public static String abbreviate(String data) {
		return (data.length() > MAX_DATA_LENGTH) ? data.substring(0, MAX_DATA_LENGTH) + "…" : data;
	}

	/**
	 * A count of times in words.
	 * @param count the count
	 * @return such as {@code 1 time} or {@code 3 times}
	 */
	public static String times(long count) {
		return count + ((count == 1) ? " time" : " times");
	}

}
