package io.pusherspring.event;

import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherPublishFailedEvent}.
 */
class PusherPublishFailedEventTests {

	private final PusherMessage message = PusherMessage.of("private-user-42", "content.generated", "{}");

	@Test
	void possiblyDeliveredComesFromThePusherException() {
		PusherException lostAnswer = new PusherException("read timed out") {

			@Override
			public boolean isPossiblyDelivered() {
				return true;
			}

		};
		assertThat(new PusherPublishFailedEvent(this, this.message, lostAnswer).isPossiblyDelivered()).isTrue();
		assertThat(
				new PusherPublishFailedEvent(this, this.message, new PusherException("refused")).isPossiblyDelivered())
			.isFalse();
	}

	@Test
	void failureThatIsNotAPusherExceptionWasNotDelivered() {
		assertThat(new PusherPublishFailedEvent(this, null, new IllegalStateException("no channels"))
			.isPossiblyDelivered()).isFalse();
	}

	@Test
	void describesTheEventWithoutItsData() {
		PusherPublishFailedEvent failure = new PusherPublishFailedEvent(this,
				PusherMessage.of("private-user-42", "content.generated", "{\"answer\":\"secret\"}"),
				new PusherException("POST /events failed with HTTP 503"));
		assertThat(failure).hasToString("PusherPublishFailedEvent['content.generated' on [private-user-42], "
				+ "possiblyDelivered=false: POST /events failed with HTTP 503]");
	}

}
