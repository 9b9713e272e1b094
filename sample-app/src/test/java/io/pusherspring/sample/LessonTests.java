package io.pusherspring.sample;

import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.pusherspring.sample.ApiRequests.postJson;
import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Lessons on the embedded H2 database: a request is answered at once and written in the
 * background; progress and content reach the student's channel only after each change
 * commits.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordPusherEvents
class LessonTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private Lessons lessons;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void requestedLessonIsWrittenInTheBackgroundWithProgressThenContent() throws Exception {
		this.mvc
			.perform(postJson("/api/lessons", "{\"topic\":\" Fractions \"}").with(user("grace").roles("STUDENT"))
				.with(csrf()))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.topic").value("Fractions"))
			.andExpect(jsonPath("$.percent").value(0));
		assertThat(this.pusher).eventually()
			.hasTriggered("private-user-grace", "content.generated")
			.withDataSatisfying((data) -> assertThat(data).containsEntry("percent", 100)
				.containsEntry("content",
						"Lesson: Fractions. 1. What Fractions is. 2. A worked example. 3. Three exercises to try."));
		assertThat(this.pusher).hasTriggeredInOrder("private-user-grace", "progress.updated", "progress.updated",
				"progress.updated", "content.generated");
		assertThat(this.pusher).hasTriggered("private-agent-tutor-grace", "agent.status")
			.withData("{\"agentId\":\"tutor-grace\",\"status\":\"thinking\"}");
		// the agent's last event: once it is in, nothing of this lesson can reach the
		// next test
		assertThat(this.pusher).eventually()
			.hasTriggered("private-agent-tutor-grace", "agent.status")
			.withData("{\"agentId\":\"tutor-grace\",\"status\":\"idle\"}");
	}

	@Test
	void progressIsSentOnlyOnceItsTransactionCommits() {
		Lesson lesson = this.lessons.request("alan", "Gravity");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.lessons.advance(lesson.id(), 50, "Writing examples");
			assertThat(this.pusher).hasNoEvents();
		});
		assertThat(this.pusher).hasTriggered("private-user-alan", "progress.updated")
			.withData("{\"lessonId\":" + lesson.id() + ",\"percent\":50,\"activity\":\"Writing examples\"}");
	}

	@Test
	void progressThatRollsBackIsNeverSent() {
		Lesson lesson = this.lessons.request("alan", "Optics");
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.lessons.advance(lesson.id(), 50, "Writing examples");
			transaction.setRollbackOnly();
		});
		assertThat(this.pusher).hasNoEvents();
		assertThat(this.jdbc.sql("SELECT percent FROM lesson WHERE id = ?")
			.param(lesson.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void progressOfAnUnknownLessonFailsAndSendsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.lessons.advance(-1, 50, "Outlining"))
			.withMessage("No lesson -1");
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void lessonWithoutATopicIsABadRequest() throws Exception {
		this.mvc
			.perform(postJson("/api/lessons", "{\"topic\":\" \"}").with(user("grace").roles("STUDENT")).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.topic").value("must not be blank"));
		assertThat(this.pusher).hasNoEvents();
	}

}
