package io.pusherspring.integration.event;

import java.util.Map;

import io.pusherspring.integration.event.Lessons.LessonRejectedException;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static io.pusherspring.test.PusherAssertions.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @PusherEvent} methods and {@code PusherBroadcast} events in real transactions (a
 * {@link DataSourceTransactionManager} on H2): published once after commit, never after a
 * rollback.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordPusherEvents
class PusherEventTransactionTests {

	@Autowired
	private PusherRecorder pusher;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private ContentService contents;

	@Autowired
	private Lessons lessons;

	@Autowired
	private SessionService sessions;

	@Autowired
	private ProgressService progress;

	@Autowired
	private AssessmentService assessments;

	@Autowired
	private AgentService agents;

	@Autowired
	private MockMvc mvc;

	@Test
	void transactionsAreRealJdbcTransactions() {
		assertThat(this.transactionManager).isInstanceOf(DataSourceTransactionManager.class);
	}

	@Test
	void commitPublishesExactlyOnce() {
		GeneratedContent content = this.contents.generate("42", "lesson");
		assertThat(this.pusher).hasTriggeredTimes(1, "private-user-42", "content.generated")
			.hasTriggered("private-user-42", "content.generated")
			.withData(Map.of("contentId", content.contentId(), "contentType", "lesson"));
	}

	// tag::commit[]
	@Test
	void eventWaitsForTheSurroundingTransactionToCommit() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.contents.generate("42", "quiz");
			assertThat(this.pusher).hasNoEvents();
		});
		assertThat(this.pusher).hasTriggeredTimes(1, "private-user-42", "content.generated");
	}

	@Test
	void rollbackOfTheSurroundingTransactionPublishesNothing() {
		assertThatExceptionOfType(LessonRejectedException.class)
			.isThrownBy(() -> this.lessons.generateAndReview("43", false));
		assertThat(this.contents.count("43")).isZero();
		assertThat(this.pusher).hasNoEvents();
	}
	// end::commit[]

	@Test
	void rollbackOnlyTransactionPublishesNothing() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.contents.generate("44", "lesson");
			transaction.setRollbackOnly();
		});
		assertThat(this.contents.count("44")).isZero();
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void methodThatThrowsPublishesNothing() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.contents.generate("42", " "));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void eventsOfOneTransactionArePublishedInOrderAfterItCommits() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.sessions.start(7, 3);
			this.lessons.generateAndReview("42", true);
			this.sessions.end(7);
			assertThat(this.pusher).hasNoEvents();
		});
		assertThat(this.pusher).hasTriggeredInOrder(on("presence-session-7", "session.started"),
				on("private-user-42", "content.generated"), on("presence-session-7", "session.ended"));
		assertThat(this.pusher).hasTriggered("presence-session-7", "session.ended").withData("{\"sessionId\": 7}");
	}

	@Test
	void afterCommitFalsePublishesInsideTheTransactionEvenIfItRollsBack() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.progress.update("42", "quiz", 40);
			assertThat(this.pusher).hasTriggered("private-user-42", "progress.updated")
				.withData(Map.of("activity", "quiz", "percent", 40));
			transaction.setRollbackOnly();
		});
		assertThat(this.pusher).hasTriggeredTimes(1, "private-user-42", "progress.updated");
	}

	@Test
	void falseConditionPublishesNothing() {
		this.assessments.complete("42", 40);
		assertThat(this.pusher).hasNoEvents();
		this.assessments.complete("42", 80);
		assertThat(this.pusher).hasTriggered("private-user-42", "assessment.completed")
			.withData(Map.of("userId", "42", "score", 80));
	}

	@Test
	void broadcastWaitsForTheCommit() {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((transaction) -> {
			this.agents.changeStatus("tutor-1", "thinking");
			assertThat(this.pusher).hasNoEvents();
		});
		assertThat(this.pusher).hasTriggeredTimes(1, "private-agent-tutor-1", "agent.status")
			.hasTriggered("private-agent-tutor-1", "agent.status")
			.withData(Map.of("status", "thinking"));
	}

	@Test
	void rollbackPublishesNoBroadcast() {
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.agents.changeStatus("tutor-1", "crashed"));
		assertThat(this.pusher).hasNoEvents();
	}

	@Test
	void toOthersLeavesOutTheSocketOfTheRequest() throws Exception {
		this.mvc
			.perform(post("/sessions/7/start").param("classId", "3")
				.with(user("teacher"))
				.with(csrf())
				.header("X-Socket-ID", "1234.5678"))
			.andExpect(status().isOk());
		assertThat(this.pusher).hasTriggered("presence-session-7", "session.started")
			.withData(Map.of("sessionId", 7, "classId", 3))
			.excludingSocket("1234.5678");
	}

	@Test
	void toOthersWithoutTheHeaderReachesEveryone() throws Exception {
		this.mvc.perform(post("/sessions/8/start").param("classId", "3").with(user("teacher")).with(csrf()))
			.andExpect(status().isOk());
		assertThat(this.pusher.events()).singleElement()
			.satisfies((event) -> assertThat(event.excludedSocketId()).isNull());
	}

}
