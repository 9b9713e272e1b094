package io.pusherspring.sample;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Posting announcements over HTTP broadcasts them, recorded by the test kit.
 *
 * @author pusher-spring-boot
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordPusherEvents
class AnnouncementTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Test
	void postedAnnouncementIsBroadcastToTheClass() throws Exception {
		this.mvc
			.perform(post("/api/classes/7/announcements").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"Quiz at ten\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.classId").value(7));
		assertThat(this.pusher).hasTriggered("class-7", "announcement.posted")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("classId", 7)
				.containsEntry("text", "Quiz at ten")
				.containsKey("postedAt"));
	}

	@Test
	void announcementTooLargeForPusherIsABadRequestAndNotSent() throws Exception {
		this.mvc
			.perform(post("/api/classes/7/announcements").contentType(MediaType.APPLICATION_JSON)
				.content("{\"text\":\"" + "x".repeat(11_000) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("over the limit")));
		assertThat(this.pusher).hasNoEvents();
	}

}
