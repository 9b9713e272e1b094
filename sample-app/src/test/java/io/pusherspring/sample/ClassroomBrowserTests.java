package io.pusherspring.sample;

import java.util.List;
import java.util.stream.IntStream;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.LocalPusherServer;
import io.pusherspring.sample.LiveSession.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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

	@Autowired
	private LiveSessions sessions;

	private Browser teacher;

	private Browser student;

	@BeforeAll
	void signIn() throws Exception {
		this.teacher = Browser.signIn(baseUrl(), "ada", "teacher");
		this.student = Browser.signIn(baseUrl(), "grace", "student");
	}

	// a scenario that fails half-way leaves no live session to the next one
	@AfterEach
	void endTheSession() {
		if (this.sessions.find(LiveSessions.CLASS_SESSION).orElseThrow().status() == Status.LIVE) {
			this.sessions.end(LiveSessions.CLASS_SESSION);
		}
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
	void classAnnouncementPostedWithTheGuidesCurlShowsOnTheOpenPages() throws Exception {
		GuideCommands.Answer answer = GuideCommands.run("post", this.port);
		assertThat(answer.status()).isEqualTo(201);
		assertThat(answer.body()).contains("\"classId\":1", "\"text\":\"Quiz at ten\"");
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitForText("announcements", "Class 1: Quiz at ten");
		}
		screenshots("class-announcement");
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
	void teacherSeesStudentsComeOnlineAndEndsTheirConnections() throws Exception {
		this.teacher.waitUntil("grace online, alan offline in the watchlist",
				(driver) -> watchlist(this.teacher).equals(List.of("alan offline", "grace online")));
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			this.teacher.waitUntil("alan online in the watchlist",
					(driver) -> watchlist(this.teacher).equals(List.of("alan online", "grace online")));
			this.teacher.screenshot("watchlist");
			this.teacher.driver().findElement(By.cssSelector("#watchlist button[data-user-id=alan]")).click();
			alan.waitForText("connection-ended", "Your connection was ended by the classroom");
			alan.waitUntil("#connection-state to read 'disconnected'",
					(driver) -> "disconnected".equals(alan.text("connection-state")));
			this.teacher.waitUntil("alan offline in the watchlist",
					(driver) -> watchlist(this.teacher).equals(List.of("alan offline", "grace online")));
			assertThat(this.localPusher.terminatedUsers()).contains("alan");
			this.student.waitUntilConnected();
			alan.screenshot("disconnected");
		}
	}

	@Test
	void typingShowsOnTheOtherPageOnly() {
		// another scenario's typing stays shown for a few seconds: start from a clear
		// line
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitUntil("no one typing", (driver) -> page.text("typing").isEmpty());
		}
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
	void teachersStudentsPanelListsTheStudentsInTheSessionFromWebhooks() throws Exception {
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			this.teacher.waitUntil("Alan and Grace in the roster, the teacher not",
					(driver) -> this.teacher.texts("#roster li")
						.equals(List.of("Session 1: Alan Turing, Grace Hopper")));
			screenshots("roster");
		}
		this.teacher.waitUntil("Grace alone in the roster",
				(driver) -> this.teacher.texts("#roster li").equals(List.of("Session 1: Grace Hopper")));
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
		assertOnlyStartApplies();
		this.teacher.click("start-session");
		this.student.waitForText("session-status", "live");
		this.teacher.waitForText("session-status", "live");
		assertOnlyEndAndCheckInApply(this.student);
		this.student.click("understood");
		this.student.waitForText("assessment", "Thanks, your answer is in");
		this.teacher.click("end-session");
		for (Browser page : List.of(this.teacher, this.student)) {
			page.waitForText("session-status", "ended");
			page.waitForText("assessment", "Assessment: 1 of 1 understood (100%)");
		}
		assertOnlyStartApplies();
		screenshots("assessment");
	}

	@Test
	void pageOpenedDuringALiveSessionShowsItLive() throws Exception {
		this.teacher.click("start-session");
		this.teacher.waitForText("session-status", "live");
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			alan.waitForText("session-status", "live");
			assertOnlyEndAndCheckInApply(alan);
			alan.screenshot("late-joiner");
			this.teacher.click("end-session");
			alan.waitForText("session-status", "ended");
			alan.waitUntil("the check-in gone", (driver) -> !alan.isDisplayed("check-in"));
		}
		assertOnlyStartApplies();
	}

	@Test
	void emptyCardsSayWhatWillAppearThere() throws Exception {
		try (Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			alan.waitUntil("alan online", (driver) -> members(alan).contains("alan"));
			assertThat(alan.displayedTexts(".empty")).containsExactly(
					"Announcements to the class and to everyone appear here as they are posted.",
					"Questions to the class appear here; everyone in the session sees them.",
					"Ask your tutor agent for a lesson: its progress shows above, and the lesson here.",
					"Private notes from your teacher appear here.");
			alan.screenshot("empty");
			this.teacher.type("announcement-text", "Welcome, Alan");
			this.teacher.click("announce");
			alan.waitForText("announcements", "Ada Lovelace: Welcome, Alan");
			assertThat(alan.displayedTexts(".empty"))
				.doesNotContain("Announcements to the class and to everyone appear here as they are posted.");
		}
	}

	@Test
	void signInPageNamesTheAppAndListsTheDemoUsers() throws Exception {
		try (Browser visitor = Browser.open(baseUrl() + "/", "visitor")) {
			visitor.waitUntil("the sign-in page", (driver) -> driver.getCurrentUrl().endsWith("/login"));
			assertThat(visitor.driver().getTitle()).isEqualTo("Sign in · Classroom");
			assertThat(visitor.texts("h1")).containsExactly("Classroom");
			assertThat(visitor.texts("#demo-users tbody tr")).containsExactly("ada\tteacher\tAda Lovelace, teacher",
					"grace\tstudent\tGrace Hopper, student", "alan\tstudent\tAlan Turing, student");
			visitor.screenshot("sign-in");
			visitor.submitSignIn("alan", "teacher");
			visitor.waitForText("sign-in-failed", "Wrong user name or password.");
			visitor.submitSignIn("alan", "student");
			visitor.waitUntilConnected();
			visitor.click("logout");
			visitor.waitForText("signed-out", "You have signed out.");
			assertThat(visitor.texts("h1")).containsExactly("Classroom");
		}
	}

	/**
	 * The teacher's page in a live session with the whole class, as the guide shows it
	 * ({@code docs/src/docs/asciidoc/images/classroom.png} is a copy of
	 * {@code target/screenshots/guide-ada.png}).
	 */
	@Test
	void liveSessionWithTheWholeClass() throws Exception {
		try (Browser ada = Browser.signIn(baseUrl(), "ada", "teacher");
				Browser alan = Browser.signIn(baseUrl(), "alan", "student")) {
			ada.waitUntil("everyone online", (driver) -> members(ada).equals(List.of("ada", "alan", "grace")));
			ada.waitUntil("both students in the roster",
					(driver) -> ada.texts("#roster li").equals(List.of("Session 1: Alan Turing, Grace Hopper")));
			ada.click("start-session");
			alan.waitForText("session-status", "live");
			assertThat(GuideCommands.run("post", this.port).status()).isEqualTo(201);
			ada.type("announcement-text", "The lab moves to room 12 tomorrow");
			ada.click("announce");
			this.student.type("question", "Is 3/4 more than 2/3?");
			this.student.click("ask");
			ada.waitForText("questions", "Grace Hopper: Is 3/4 more than 2/3?");
			ada.waitForText("announcements", "Class 1: Quiz at ten");
			ada.waitForText("announcements", "Ada Lovelace: The lab moves to room 12 tomorrow");
			alan.type("question", "Yes, because");
			ada.waitForText("typing", "Alan Turing is typing…");
			ada.screenshot("guide");
		}
	}

	private void assertOnlyStartApplies() {
		this.teacher.waitUntil("Start enabled, End disabled",
				(driver) -> this.teacher.isEnabled("start-session") && !this.teacher.isEnabled("end-session"));
		this.student.waitUntil("no check-in", (driver) -> !this.student.isDisplayed("check-in"));
	}

	private void assertOnlyEndAndCheckInApply(Browser student) {
		this.teacher.waitUntil("End enabled, Start disabled",
				(driver) -> this.teacher.isEnabled("end-session") && !this.teacher.isEnabled("start-session"));
		student.waitUntil("the check-in shown", (driver) -> student.isDisplayed("check-in"));
		assertThat(student.text("check-in")).contains("Following along?");
	}

	/**
	 * The teacher's watchlist, as "user status", by user id.
	 */
	private static List<String> watchlist(Browser page) {
		List<String> ids = page.dataset("#watchlist li", "userId");
		List<String> statuses = page.texts("#watchlist li .badge");
		return IntStream.range(0, Math.min(ids.size(), statuses.size()))
			.mapToObj((i) -> ids.get(i) + " " + statuses.get(i))
			.sorted()
			.toList();
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
