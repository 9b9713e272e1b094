package io.pusherspring.integration.event;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.transaction.TestTransaction;
import org.springframework.test.web.servlet.MockMvc;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @RecordPusherEvents} brings {@code @PusherEvent} into test slices.
 */
class PusherEventSliceTests {

	@Nested
	@JdbcTest
	@Import(ContentService.class)
	@RecordPusherEvents
	class InAJdbcSlice {

		@Autowired
		private ContentService contents;

		@Autowired
		private PusherRecorder pusher;

		@Test
		void publishesWhenTheTestTransactionCommits() {
			this.contents.generate("42", "lesson");
			assertThat(this.pusher).hasNoEvents();
			TestTransaction.flagForCommit();
			TestTransaction.end();
			assertThat(this.pusher).hasTriggeredTimes(1, "private-user-42", "content.generated");
		}

		@Test
		void publishesNothingWhenTheTestTransactionRollsBack() {
			this.contents.generate("42", "lesson");
			TestTransaction.end();
			assertThat(this.pusher).hasNoEvents();
		}

	}

	@Nested
	@WebMvcTest(HandController.class)
	@RecordPusherEvents
	class InAWebMvcSlice {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private PusherRecorder pusher;

		@Test
		void leavesOutTheSocketOfTheRequest() throws Exception {
			this.mvc
				.perform(post("/sessions/7/hands").param("userId", "42")
					.with(user("teacher"))
					.with(csrf())
					.header("X-Socket-ID", "1234.5678"))
				.andExpect(status().isOk());
			assertThat(this.pusher).hasTriggered("presence-session-7", "hand.raised")
				.withData("{\"userId\": \"42\"}")
				.excludingSocket("1234.5678");
		}

	}

}
