package com.example.classroom;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;

@SpringBootTest
@RecordPusherEvents
class AsyncNotificationTests {

	@Autowired
	private NotificationService notifications;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void notifiesTheUserOnceTheContentIsReady() {
		this.notifications.contentGeneratedLater("42", "lesson");
		assertThat(this.pusher).eventually()
			.hasTriggered("private-user-42", "content.generated")
			.withData("{\"contentType\": \"lesson\"}");
	}

	@Test
	void notifiesNoOneElse() {
		this.notifications.contentGeneratedLater("42", "lesson");
		assertThat(this.pusher).within(Duration.ofMillis(300)).hasNotTriggered("private-user-43", "content.generated");
	}

}
