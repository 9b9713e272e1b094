package io.pusherspring.test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static io.pusherspring.test.PusherAssertions.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherAssertions}: every assertion passing and failing, and what a
 * failure says.
 */
class PusherAssertionsTests {

	private final PusherRecorder pusher = new PusherRecorder();

	private static final String CREATED = "1. 'order.created' on private-user-42 with data {\"id\":1}";

	private static final String JOINED = "2. 'member.joined' on presence-class-7 with data {\"id\":\"7\"}";

	@BeforeEach
	void recordTwoEvents() {
		record("private-user-42", "order.created", "{\"id\":1}");
		record("presence-class-7", "member.joined", "{\"id\":\"7\"}");
	}

	@Nested
	class HasTriggered {

		@Test
		void passesWhenTheEventWasTriggeredOnTheChannel() {
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created");
		}

		@Test
		void passesWhenTheEventWentToSeveralChannelsAtOnce() {
			PusherAssertionsTests.this.pusher
				.record(new RecordedEvent(List.of("private-a", "private-b"), "ping", "{}", null, Instant.EPOCH));
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-b", "ping");
		}

		@Test
		void failsListingEveryRecordedEvent() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42",
						"order.shipped"))
				.withMessageContaining("Expected event 'order.shipped' on channel private-user-42")
				.withMessageContaining("but it was not triggered.")
				.withMessageContaining("Recorded events (2):")
				.withMessageContaining(CREATED)
				.withMessageContaining(JOINED);
		}

		@Test
		void failsOnAnotherChannel() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-43",
						"order.created"))
				.withMessageContaining("on channel private-user-43")
				.withMessageContaining(CREATED);
		}

		@Test
		void failsSayingNothingWasRecorded() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(new PusherRecorder()).hasTriggered("private-user-42", "order.created"))
				.withMessageContaining("No events were recorded.");
		}

		@Test
		void failureStartsWithTheDescription() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).as("order notifications")
					.hasTriggered("private-user-42", "order.shipped"))
				.withMessageStartingWith("[order notifications] ");
		}

		@Test
		void givesTheFirstMatchingEventAsActual() {
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
				.satisfies((event) -> assertThat(event.dataAsMap()).containsEntry("id", 1));
		}

	}

	@Nested
	class WithData {

		@Test
		void ignoresKeyOrder() {
			record("private-user-1", "moved", "{\"x\":1,\"y\":2}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "moved")
				.withData("{\"y\":2,\"x\":1}");
		}

		@Test
		void treatsIntegersAndDecimalsOfTheSameValueAlike() {
			record("private-user-1", "scored", "{\"score\":1,\"ratio\":0.50}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "scored")
				.withData("{\"score\":1.0,\"ratio\":0.5}");
		}

		@Test
		void comparesNestedObjectsAndArrays() {
			record("private-user-1", "lesson", "{\"lesson\":{\"tags\":[\"a\",\"b\"],\"meta\":{\"n\":2,\"ok\":true}}}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "lesson")
				.withData(Map.of("lesson", Map.of("meta", Map.of("ok", true, "n", 2.0), "tags", List.of("a", "b"))));
		}

		@Test
		void writesRecordsAsJson() {
			record("private-user-1", "lesson", "{\"title\":\"Fractions\",\"minutes\":45}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "lesson")
				.withData(new Lesson("Fractions", 45));
		}

		@Test
		void comparesDataThatIsNotJsonAsText() {
			record("private-user-1", "hello", "hello there");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "hello")
				.withData("hello there");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "hello")
					.withData("hello"));
		}

		@Test
		void passesWhenAnyOfTheMatchingEventsHasTheData() {
			record("private-user-42", "order.created", "{\"id\":2}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
				.withData("{\"id\":2}");
		}

		@Test
		void failsWhenAValueDiffersListingEveryEvent() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("private-user-42", "order.created")
					.withData(Map.of("id", 2)))
				.withMessageContaining(
						"Expected event 'order.created' on channel private-user-42\n  with data {\"id\":2}")
				.withMessageContaining("but no 'order.created' on private-user-42 matched:\n  - data was {\"id\":1}")
				.withMessageContaining(CREATED)
				.withMessageContaining(JOINED);
		}

		@Test
		void failsOnAnExtraKey() {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(
					() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
						.withData("{\"id\":1,\"paid\":true}"));
		}

		@Test
		void failsOnAMissingKey() {
			record("private-user-1", "moved", "{\"x\":1,\"y\":2}");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "moved")
					.withData("{\"x\":1}"));
		}

		@Test
		void failsWhenArrayElementsAreInAnotherOrder() {
			record("private-user-1", "ranked", "[1,2,3]");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "ranked")
					.withData("[3,2,1]"));
		}

		@Test
		void failsWhenANumberIsAString() {
			assertThatExceptionOfType(AssertionError.class).isThrownBy(
					() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
						.withData("{\"id\":\"1\"}"));
		}

	}

	@Nested
	class WithDataSatisfying {

		@Test
		void passesWhenTheRequirementsHold() {
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
				.withDataSatisfying((data) -> assertThat(data).containsEntry("id", 1));
		}

		@Test
		void readsIntoAType() {
			record("private-user-1", "lesson", "{\"title\":\"Fractions\",\"minutes\":45}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "lesson")
				.withDataSatisfying(Lesson.class, (lesson) -> assertThat(lesson.minutes()).isGreaterThan(30));
		}

		@Test
		void failsWithTheRequirementsFailureAndEveryEvent() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("private-user-42", "order.created")
					.withDataSatisfying((data) -> assertThat(data).containsKey("paid")))
				.withMessageContaining("with data satisfying the given requirements")
				.withMessageContaining("- data {\"id\":1} failed: ")
				.withMessageContaining("paid")
				.withMessageContaining(JOINED);
		}

		@Test
		void failsWhenTheDataCannotBeRead() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("presence-class-7", "member.joined")
					.withDataSatisfying(Lesson.class, (lesson) -> {
					}))
				.withMessageContaining("data could not be read: {\"id\":\"7\"}");
		}

	}

	@Nested
	class ExcludingSocket {

		@Test
		void passesWhenTheSocketWasLeftOut() {
			PusherAssertionsTests.this.pusher
				.record(new RecordedEvent(List.of("private-user-1"), "saved", "{}", "123.456", Instant.EPOCH));
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-1", "saved")
				.withData("{}")
				.excludingSocket("123.456");
		}

		@Test
		void failsWhenNoSocketWasLeftOut() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("private-user-42", "order.created")
					.excludingSocket("123.456"))
				.withMessageContaining("excluding socket 123.456")
				.withMessageContaining("- excluded socket was none")
				.withMessageContaining(CREATED);
		}

		@Test
		void failsWhenTheSocketIsLeftOutOnlyByAnEventWithOtherData() {
			PusherAssertionsTests.this.pusher.record(
					new RecordedEvent(List.of("private-user-42"), "order.created", "{\"id\":2}", "1.2", Instant.EPOCH));
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("private-user-42", "order.created")
					.withData("{\"id\":1}")
					.excludingSocket("1.2"))
				.withMessageContaining("excluded socket was none")
				.withMessageContaining("data was {\"id\":2}");
		}

	}

	@Nested
	class Times {

		@Test
		void countsEventsMeetingEveryRequirement() {
			record("private-user-42", "order.created", "{\"id\":1}");
			record("private-user-42", "order.created", "{\"id\":2}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggered("private-user-42", "order.created")
				.withData("{\"id\":1}")
				.times(2);
		}

		@Test
		void failsWithTheCount() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher)
					.hasTriggered("private-user-42", "order.created")
					.times(2))
				.withMessageContaining("to be triggered 2 times, but it was triggered 1 time.")
				.withMessageContaining(JOINED);
		}

	}

	@Nested
	class HasNotTriggered {

		@Test
		void passesWhenTheEventWasNotTriggeredOnTheChannel() {
			assertThat(PusherAssertionsTests.this.pusher).hasNotTriggered("private-user-42", "order.shipped")
				.hasNotTriggered("private-user-43", "order.created");
		}

		@Test
		void failsListingEveryRecordedEvent() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasNotTriggered("private-user-42",
						"order.created"))
				.withMessageContaining("Expected no 'order.created' on private-user-42, but it was triggered 1 time.")
				.withMessageContaining(CREATED)
				.withMessageContaining(JOINED);
		}

	}

	@Nested
	class HasNoEvents {

		@Test
		void passesWhenNothingWasRecorded() {
			assertThat(new PusherRecorder()).hasNoEvents();
		}

		@Test
		void failsListingEveryRecordedEvent() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasNoEvents())
				.withMessageContaining("Expected no events, but some were triggered.")
				.withMessageContaining(CREATED)
				.withMessageContaining(JOINED);
		}

	}

	@Nested
	class HasTriggeredTimes {

		@Test
		void passesWithTheExactCount() {
			record("private-user-42", "order.created", "{\"id\":2}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggeredTimes(2, "private-user-42", "order.created")
				.hasTriggeredTimes(1, "presence-class-7", "member.joined")
				.hasTriggeredTimes(0, "presence-class-7", "member.left");
		}

		@Test
		void failsWithFewer() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggeredTimes(2, "private-user-42",
						"order.created"))
				.withMessageContaining("Expected event 'order.created' on channel private-user-42\n"
						+ "to be triggered 2 times, but it was triggered 1 time.")
				.withMessageContaining(CREATED)
				.withMessageContaining(JOINED);
		}

		@Test
		void failsWithMore() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggeredTimes(0, "private-user-42",
						"order.created"))
				.withMessageContaining("to be triggered 0 times, but it was triggered 1 time.");
		}

	}

	@Nested
	class HasTriggeredInOrder {

		@Test
		void passesForEventNamesOnOneChannelWithOthersBetween() {
			record("presence-class-7", "session.started", "{}");
			record("private-user-42", "order.shipped", "{}");
			record("presence-class-7", "session.ended", "{}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggeredInOrder("presence-class-7", "member.joined",
					"session.started", "session.ended");
		}

		@Test
		void failsWhenTheOrderDiffersSayingWhatDidNotFollow() {
			record("presence-class-7", "session.ended", "{}");
			record("presence-class-7", "session.started", "{}");
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggeredInOrder("presence-class-7",
						"session.started", "session.ended"))
				.withMessageContaining("Expected events in this order:\n"
						+ "  ['session.started' on presence-class-7, 'session.ended' on presence-class-7]")
				.withMessageContaining("but after ['session.started' on presence-class-7] "
						+ "no 'session.ended' on presence-class-7 followed.")
				.withMessageContaining(CREATED)
				.withMessageContaining("4. 'session.started' on presence-class-7 with data {}");
		}

		@Test
		void passesForEventsOnSeveralChannels() {
			record("private-user-42", "order.shipped", "{}");
			assertThat(PusherAssertionsTests.this.pusher).hasTriggeredInOrder(on("private-user-42", "order.created"),
					on("presence-class-7", "member.joined"), on("private-user-42", "order.shipped"));
		}

		@Test
		void failsForEventsOnSeveralChannelsInAnotherOrder() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasTriggeredInOrder(
						on("presence-class-7", "member.joined"), on("private-user-42", "order.created")))
				.withMessageContaining(
						"but after ['member.joined' on presence-class-7] no 'order.created' on private-user-42 followed.");
		}

	}

	@Nested
	class HasSentToUser {

		@Test
		void passesForAServerToUserEvent() {
			record("#server-to-user-42", "message.new", "{\"unread\":3}");
			assertThat(PusherAssertionsTests.this.pusher).hasSentToUser("42", "message.new").withData("{\"unread\":3}");
		}

		@Test
		void failsForAnEventOnTheUsersPrivateChannel() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher).hasSentToUser("42", "order.created"))
				.withMessageContaining("Expected event 'order.created' on channel #server-to-user-42")
				.withMessageContaining(CREATED);
		}

	}

	@Nested
	class RecordedEventLists {

		@Test
		void offersListAndPusherAssertions() {
			assertThat(PusherAssertionsTests.this.pusher.events()).hasSize(2)
				.hasTriggered("presence-class-7", "member.joined")
				.withData("{\"id\":\"7\"}");
			assertThat(PusherAssertionsTests.this.pusher.events())
				.hasTriggeredTimes(1, "private-user-42", "order.created")
				.hasNotTriggered("private-user-42", "order.shipped")
				.hasTriggeredInOrder(on("private-user-42", "order.created"), on("presence-class-7", "member.joined"))
				.extracting(RecordedEvent::event)
				.containsExactly("order.created", "member.joined");
		}

		@Test
		void failsListingTheEventsOfTheList() {
			List<RecordedEvent> events = PusherAssertionsTests.this.pusher.events().subList(1, 2);
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(events).as("captured").hasTriggered("private-user-42", "order.created"))
				.withMessageStartingWith("[captured] ")
				.withMessageContaining("Recorded events (1):\n  1. 'member.joined' on presence-class-7");
		}

		@Test
		void hasNoEventsFailsListingThem() {
			assertThatExceptionOfType(AssertionError.class)
				.isThrownBy(() -> assertThat(PusherAssertionsTests.this.pusher.events()).hasNoEvents())
				.withMessageContaining(CREATED);
			assertThat(List.<RecordedEvent>of()).hasNoEvents();
		}

	}

	private void record(String channel, String event, String data) {
		record(channel, event, data, null);
	}

	private void record(String channel, String event, String data, @Nullable String excludedSocketId) {
		this.pusher.record(new RecordedEvent(List.of(channel), event, data, excludedSocketId, Instant.EPOCH));
	}

	record Lesson(String title, int minutes) {
	}

}
