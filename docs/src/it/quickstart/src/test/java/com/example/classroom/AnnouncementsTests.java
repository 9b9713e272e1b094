package com.example.classroom;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;

@SpringBootTest
@RecordPusherEvents
class AnnouncementsTests {

	@Autowired
	private Announcements announcements;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void postsToTheClassChannel() {
		this.announcements.post(7, "Quiz at ten");
		assertThat(this.pusher).hasTriggered("class-7", "announcement.posted")
			.withData(new Announcement(7, "Quiz at ten"));
	}

}
