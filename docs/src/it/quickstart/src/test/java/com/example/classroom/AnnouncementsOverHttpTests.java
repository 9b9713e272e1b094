package com.example.classroom;

import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.ReceivedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AnnouncementsOverHttpTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@Autowired
	private Announcements announcements;

	@Test
	void publishesSignedRequests() {
		this.announcements.post(7, "Quiz at ten");
		assertThat(pusher.recorder()).hasTriggered("class-7", "announcement.posted")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("text", "Quiz at ten"));
		assertThat(pusher.requests()).singleElement()
			.satisfies((request) -> assertThat(request.status()).isEqualTo(200));
	}

	@Test
	void ridesOutABriefPusherOutage() {
		pusher.failNext(2, 503);
		this.announcements.post(7, "Quiz at ten");
		assertThat(pusher.recorder()).hasTriggeredTimes(1, "class-7", "announcement.posted");
		assertThat(pusher.requests()).extracting((request) -> request.status()).containsExactly(503, 503, 200);
	}

	@Test
	void deliversTwiceWhenPushersAnswerIsLost() {
		pusher.closeNextConnectionAfterAccepting();
		this.announcements.post(7, "Quiz at ten");
		assertThat(pusher.recorder()).hasTriggeredTimes(2, "class-7", "announcement.posted");
		assertThat(pusher.requests()).extracting((request) -> request.fault())
			.containsExactly(ReceivedRequest.Fault.CLOSED_AFTER_ACCEPTING, null);
	}

}
