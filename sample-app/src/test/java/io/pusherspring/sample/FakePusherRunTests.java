package io.pusherspring.sample;

import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-up {@code spring-boot:test-run} uses: the application publishes over real HTTP
 * to the test kit's fake Pusher server.
 *
 * @author pusher-spring-boot
 */
@SpringBootTest(classes = { SampleApplication.class, TestSampleApplication.FakePusherConfiguration.class })
class FakePusherRunTests {

	@Autowired
	private FakePusherServer fakePusher;

	@Autowired
	private Announcements announcements;

	@Test
	void startupAnnouncementReachesTheFakeServer() {
		assertThat(this.fakePusher.recorder()).hasTriggered("class-1", "announcement.posted");
	}

	@Test
	void announcementsArePublishedOverHttp() {
		this.announcements.post(3, "Lab moved to room 12");
		assertThat(this.fakePusher.recorder()).hasTriggered("class-3", "announcement.posted")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("text", "Lab moved to room 12"));
	}

}
