package io.pusherspring.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherRecorderAssert#eventually()} and
 * {@link PusherRecorderAssert#within(Duration)} with events recorded from another thread.
 */
class PusherAssertionsEventuallyTests {

	private final PusherRecorder pusher = new PusherRecorder();

	@Test
	void eventuallyWaitsForAnEventRecordedLaterOnAnotherThread() {
		recordLater(100, "private-user-42", "content.generated", "{\"contentType\":\"lesson\"}");
		assertThat(this.pusher).eventually()
			.hasTriggered("private-user-42", "content.generated")
			.withData("{\"contentType\":\"lesson\"}");
	}

	@Test
	void eventuallyWaitsForTheDataOfALaterEvent() {
		record("private-user-42", "progress", "{\"percent\":50}");
		recordLater(100, "private-user-42", "progress", "{\"percent\":100}");
		assertThat(this.pusher).eventually().hasTriggered("private-user-42", "progress").withData("{\"percent\":100}");
	}

	@Test
	void eventuallyWaitsForACountAndAnOrder() {
		record("presence-class-7", "session.started", "{}");
		recordLater(50, "presence-class-7", "session.ended", "{}");
		assertThat(this.pusher).eventually()
			.hasTriggeredTimes(1, "presence-class-7", "session.ended")
			.hasTriggeredInOrder("presence-class-7", "session.started", "session.ended");
	}

	@Test
	void withoutWaitingAnEventNotYetRecordedFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.pusher).hasTriggered("private-user-42", "content.generated"))
			.withMessageStartingWith("Expected event 'content.generated'");
	}

	@Test
	void withinFailsAfterTheTimeoutListingEveryEvent() {
		record("private-user-42", "progress", "{\"percent\":50}");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.pusher).within(Duration.ofMillis(50))
				.hasTriggered("private-user-42", "content.generated"))
			.withMessageStartingWith("After waiting 50ms:\nExpected event 'content.generated'")
			.withMessageContaining("1. 'progress' on private-user-42 with data {\"percent\":50}");
	}

	@Test
	void withinMakesNegativeAssertionsHoldThroughout() {
		assertThat(this.pusher).within(Duration.ofMillis(50)).hasNoEvents().hasNotTriggered("private-user-42", "x");
	}

	@Test
	void withinFailsANegativeAssertionAsSoonAsTheEventArrives() {
		recordLater(50, "private-user-42", "content.generated", "{}");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(this.pusher).within(Duration.ofSeconds(5))
				.hasNotTriggered("private-user-42", "content.generated"))
			.withMessageStartingWith("Within 5s:\nExpected no 'content.generated' on private-user-42")
			.withMessageContaining("1. 'content.generated' on private-user-42 with data {}");
	}

	private void record(String channel, String event, String data) {
		this.pusher.record(new RecordedEvent(List.of(channel), event, data, null, Instant.now()));
	}

	private void recordLater(long delayMillis, String channel, String event, String data) {
		CompletableFuture.runAsync(() -> record(channel, event, data),
				CompletableFuture.delayedExecutor(delayMillis, TimeUnit.MILLISECONDS));
	}

}
