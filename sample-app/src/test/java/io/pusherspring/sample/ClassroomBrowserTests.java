package io.pusherspring.sample;

import java.util.List;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classroom page in real Chromium, a teacher's and a student's, against the
 * application and the test kit's {@link LocalPusherServer}, as
 * {@code spring-boot:test-run} runs them. Each scenario saves a screenshot of both pages
 * under {@code target/screenshots}.
 */
@SpringBootTest(classes = { SampleApplication.class, TestSampleApplication.LocalPusherConfiguration.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "local-pusher.port=0", "logging.level.io.pusherspring.test=info",
				"classroom.tutor.step-delay=200ms" })
@ActiveProfiles("local-pusher")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassroomBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private LocalPusherServer localPusher;

	@Autowired
	private PusherOperations pusher;

	private Browser teacher;

	private Browser student;

	@BeforeAll
	void signIn() throws Exception {
		this.teacher = Browser.signIn(baseUrl(), "ada", "teacher");
		this.student = Browser.signIn(baseUrl(), "grace", "student");
	}

	@AfterAll
	void quit() throws Exception {
		try (Browser teacher = this.teacher; Browser student = this.student) {
			// closed, even if one of them fails to
		}
	}

	@Test
	void bothConnectAndMeasureTheirLatency() {
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitUntilConnected();
			page.waitUntil("a latency in ms", (driver) -> page.text("latency").matches("\\d+ ms"));
		}
		screenshots("connected");
	}

	@Test
	void reconnectShowsTheConnectionGoingDownAndUpAgain() {
		this.student.record("connection-state");
		this.student.click("reconnect");
		this.student.waitUntil("disconnected, then connected again", (driver) -> {
			List<String> states = this.student.recorded("connection-state");
			return states.contains("disconnected") && "connected".equals(states.get(states.size() - 1));
		});
		this.student.waitUntil("a latency in ms", (driver) -> this.student.text("latency").matches("\\d+ ms"));
		// the page is back in the session and its channels
		this.teacher.waitUntil("grace online", (driver) -> members(this.teacher).contains("grace"));
		this.teacher.type("announcement-text", "Welcome back");
		this.teacher.click("announce");
		this.student.waitForText("announcements", "Welcome back");
		screenshots("reconnected");
	}

	@Test
	void teachersAnnouncementAppearsForTheStudent() {
		this.teacher.type("announcement-text", "Quiz on Friday");
		this.teacher.click("announce");
		this.student.waitForText("announcements", "Ada Lovelace: Quiz on Friday");
		this.teacher.waitForText("announcements", "Ada Lovelace: Quiz on Friday");
		screenshots("announcement");
	}

	@Test
	void studentsLessonShowsProgressThenTheContent() {
		this.student.record("lesson-activity");
		this.student.record("agent-status");
		this.teacher.record("agents");
		this.student.type("lesson-topic", "Fractions");
		this.student.click("generate-lesson");
		this.student.waitForText("lesson-content", "Lesson: Fractions.");
		assertThat(this.student.recorded("lesson-activity")).containsSubsequence("Outlining… 25%",
				"Writing examples… 50%", "Writing exercises… 75%", "Ready: Fractions");
		assertThat(this.student.recorded("agent-status")).containsSubsequence("thinking", "writing", "idle");
		assertThat(this.student.driver().findElement(By.id("lesson-progress")).getDomProperty("value"))
			.isEqualTo("100");
		// the teacher's list shows "idle" from the start: wait for it to come back
		this.teacher.waitUntil("Grace's tutor idle again",
				(driver) -> this.teacher.recorded("agents").contains("Grace Hopper's tutor: idle"));
		assertThat(this.teacher.recorded("agents")).containsSubsequence("Grace Hopper's tutor: thinking",
				"Grace Hopper's tutor: writing", "Grace Hopper's tutor: idle");
		screenshots("lesson");
	}

	@Test
	void presenceListShowsEveryoneAndDropsWhoLeaves() throws Exception {
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			for (Browser page : List.of(this.teacher, this.student, alan)) {
				page.waitUntil("ada, grace and alan online",
						(driver) -> members(page).equals(List.of("ada", "alan", "grace")));
			}
			assertThat(this.student.texts("#members .avatar")).containsExactlyInAnyOrder("AL", "GH", "AT");
			assertThat(this.student.texts("#members li"))
				.anySatisfy((member) -> assertThat(member).contains("Ada Lovelace").contains("teacher"));
			screenshots("presence");
		}
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitUntil("alan gone", (driver) -> members(page).equals(List.of("ada", "grace")));
		}
		screenshots("presence-left");
	}

	@Test
	void typingShowsOnTheOtherPageOnly() {
		this.student.type("question", "Why do fractions");
		this.teacher.waitForText("typing", "Grace Hopper is typing…");
		assertThat(this.student.text("typing")).isEmpty();
		screenshots("typing");
	}

	@Test
	void studentCannotSubscribeToAnotherStudentsPrivateChannel() {
		this.student.type("channel-name", "private-user-alan");
		this.student.click("try-channel");
		this.student.waitForText("channel-result", "Refused: private-user-alan (403)");
		this.student.type("channel-name", "private-user-grace");
		this.student.click("try-channel");
		this.student.waitForText("channel-result", "Subscribed to private-user-grace");
		this.student.type("channel-name", "private-user-alan");
		this.student.click("try-channel");
		this.student.waitForText("channel-result", "Refused: private-user-alan (403)");
		assertThat(this.pusher.channel("private-user-alan").occupied()).isFalse();
		// trying channels leaves the page's own subscription alone
		assertThat(this.pusher.channel("private-user-grace").occupied()).isTrue();
		screenshots("refused");
	}

	@Test
	void teachersWebhookPanelListsBothStudents() throws Exception {
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			this.teacher.waitForText("roster", "Session 1: Ada Lovelace, Alan Turing, Grace Hopper");
			screenshots("roster");
		}
		this.teacher.waitForText("roster", "Session 1: Ada Lovelace, Grace Hopper");
		assertThat(this.student.driver().findElement(By.id("roster")).isDisplayed()).isFalse();
	}

	@Test
	void privateNoteIsDecryptedInTheStudentsBrowserOnly() {
		this.teacher.driver().findElement(By.cssSelector("#note-recipient option[value=grace]")).click();
		this.teacher.type("note-text", "Well done on the quiz");
		this.teacher.click("send-note");
		this.student.waitForText("notes", "Ada Lovelace: Well done on the quiz");
		this.student.waitForText("toasts", "Ada Lovelace sent you a private note");
		assertThat(this.localPusher.recorder()).hasTriggered("private-encrypted-user-grace", "note.sent")
			.withDataSatisfying((data) -> assertThat(data).containsKeys("nonce", "ciphertext")
				.doesNotContainValue("Well done on the quiz"));
		screenshots("note");
	}

	@Test
	void sessionStartsAndEndsWithTheAssessment() {
		this.teacher.click("start-session");
		this.student.waitForText("session-status", "live");
		this.teacher.waitForText("session-status", "live");
		this.student.click("understood");
		this.student.waitForText("assessment", "Thanks, your answer is in");
		this.teacher.click("end-session");
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitForText("session-status", "ended");
			page.waitForText("assessment", "Assessment: 1 of 1 understood (100%)");
		}
		screenshots("assessment");
	}

	private static List<String> members(Browser page) {
		return page.dataset("#members li", "userId").stream().sorted().toList();
	}

	private void screenshots(String scenario) {
		this.teacher.screenshot(scenario);
		this.student.screenshot(scenario);
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
