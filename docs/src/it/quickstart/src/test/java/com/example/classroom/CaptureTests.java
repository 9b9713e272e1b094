package com.example.classroom;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import io.pusherspring.test.RecordedEvent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;

@SpringBootTest
@RecordPusherEvents
class CaptureTests {

	@Autowired
	private NotificationService notifications;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void announcesToEveryChannel() {
		this.notifications.contentGenerated("41", "quiz");
		List<RecordedEvent> events = this.pusher
			.capture(() -> this.notifications.announce(List.of("private-user-1", "private-user-2"), "Snow day"));
		assertThat(events).hasSize(1)
			.hasNotTriggered("private-user-41", "content.generated")
			.hasTriggered("private-user-2", "announcement")
			.withData(Map.of("message", "Snow day"));
	}

}
