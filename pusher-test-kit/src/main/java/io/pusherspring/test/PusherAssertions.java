package io.pusherspring.test;

import java.util.List;

import org.springframework.util.Assert;

/**
 * Entry points of the AssertJ assertions for what an application sent to Pusher.
 *
 * <pre class="code">
 * assertThat(pusher).hasTriggered("private-user-42", "content.generated")
 *     .withData(Map.of("contentType", "lesson"));
 * </pre>
 */
public final class PusherAssertions {

	private PusherAssertions() {
	}

	/**
	 * Assert on every event a recorder holds.
	 * @param recorder the recorder
	 * @return an assertion on its events
	 */
	public static PusherRecorderAssert assertThat(PusherRecorder recorder) {
		return new PusherRecorderAssert(recorder);
	}

	/**
	 * Assert on some events, such as those {@link PusherRecorder#capture} returned, with
	 * AssertJ's list assertions and Pusher's.
	 * @param events the events
	 * @return an assertion on those events
	 */
	public static RecordedEventsAssert assertThat(List<? extends RecordedEvent> events) {
		return new RecordedEventsAssert(events);
	}

	/**
	 * An event name on a channel, for {@link PusherRecorderAssert#hasTriggeredInOrder}.
	 * @param channel the channel name
	 * @param event the event name
	 * @return the pair
	 */
	public static ChannelEvent on(String channel, String event) {
		return new ChannelEvent(channel, event);
	}

	/**
	 * An event name on a channel.
	 *
	 * @param channel the channel name
	 * @param event the event name
	 */
	public record ChannelEvent(String channel, String event) {

		/**
		 * An event name on a channel.
		 * @param channel the channel name, not empty
		 * @param event the event name, not empty
		 */
		public ChannelEvent {
			Assert.hasText(channel, "'channel' must not be empty");
			Assert.hasText(event, "'event' must not be empty");
		}

		boolean matches(RecordedEvent recorded) {
			return recorded.isOn(this.channel) && recorded.event().equals(this.event);
		}

		@Override
		public String toString() {
			return "'" + this.event + "' on " + this.channel;
		}

	}

}
