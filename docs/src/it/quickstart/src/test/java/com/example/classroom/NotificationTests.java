package com.example.classroom;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RecordPusherEvents
class NotificationTests {

	@Autowired
	private NotificationService notifications;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void notifiesTheUser() {
		this.notifications.contentGenerated("42", "lesson");
		assertThat(this.pusher).hasTriggered("private-user-42", "content.generated")
			.withData(Map.of("contentType", "lesson"));
	}

	@Test
	void leavesOutTheTeachersOwnConnection() {
		this.notifications.sessionStarted("7", "1234.5678");
		assertThat(this.pusher).hasTriggered("presence-class-7", "session.started")
			.withData("{\"classId\": \"7\"}")
			.excludingSocket("1234.5678");
	}

	@Test
	void reachesEveryConnectionOfTheUser(PusherRecorder pusher) {
		this.notifications.newMessage("42", 3);
		assertThat(pusher).hasSentToUser("42", "message.new")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("unread", 3));
	}

	@Test
	void startsAndEndsASession() {
		this.notifications.sessionStarted("7", "1234.5678");
		this.notifications.sessionEnded("7");
		assertThat(this.pusher).hasTriggeredInOrder("presence-class-7", "session.started", "session.ended")
			.hasTriggeredTimes(1, "presence-class-7", "session.ended")
			.hasNotTriggered("presence-class-8", "session.started");
	}

}
