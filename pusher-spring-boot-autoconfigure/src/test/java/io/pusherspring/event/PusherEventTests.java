package io.pusherspring.event;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherEventAutoConfiguration;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.event.Triggers.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link PusherEvent @PusherEvent} methods of beans, published through the
 * auto-configured template.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherEventTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherEventAutoConfiguration.class))
		.withUserConfiguration(ClassroomConfiguration.class)
		.withPropertyValues("pusher.retry.max-retries=0");

	@AfterEach
	void clearRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void publishesTheResultOnTheChannelOfTheArgument() {
		this.runner.run((context) -> {
			GeneratedContent content = context.getBean(ContentService.class).generate("42", "lesson");
			assertThat(content).isEqualTo(new GeneratedContent("c-42", "lesson"));
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("private-user-42"), "content.generated",
					"{\"contentId\":\"c-42\",\"contentType\":\"lesson\"}", null));
		});
	}

	@Test
	void templatesSeeArgumentPositionsTheResultAndBeans() {
		this.runner.run((context) -> {
			context.getBean(SessionService.class).start(7L, "Fractions");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.channels()).containsExactly("presence-session-7",
						"private-class-3", "private-user-teacher-of-7"));
		});
	}

	@Test
	void eventAndDataAreExpressions() {
		this.runner.run((context) -> {
			context.getBean(ProgressService.class).update("42", "quiz", 40);
			assertThat(triggers(context)).containsExactly(
					new Trigger(List.of("private-user-42"), "progress.quiz.updated", "{\"percent\":40}", null));
		});
	}

	@Test
	void falseConditionPublishesNothing() {
		this.runner.run((context) -> {
			AssessmentService assessments = context.getBean(AssessmentService.class);
			assessments.complete("42", 55);
			assertThat(triggers(context)).isEmpty();
			assessments.complete("42", 90);
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.event()).isEqualTo("assessment.completed"));
		});
	}

	@Test
	void resultIsTheReturnValueEvenBesideAnArgumentNamedResult() {
		this.runner.run((context) -> {
			context.getBean(AssessmentService.class).grade("42", "b");
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("private-user-42"), "assessment.graded",
					"{\"given\":\"b\",\"grade\":\"B\"}", null));
		});
	}

	@Test
	void expressionsStayCorrectOnceCompiled() {
		this.runner.run((context) -> {
			AssessmentService assessments = context.getBean(AssessmentService.class);
			SessionService sessions = context.getBean(SessionService.class);
			for (int i = 0; i < 300; i++) {
				assessments.complete("u" + i, (i % 3 == 0) ? 90 : 30);
				sessions.start(i, "Fractions");
			}
			List<Trigger> triggers = triggers(context);
			assertThat(triggers).filteredOn((trigger) -> trigger.event().equals("assessment.completed"))
				.hasSize(100)
				.last()
				.satisfies((trigger) -> assertThat(trigger.channels()).containsExactly("private-user-u297"));
			assertThat(triggers).last()
				.satisfies((trigger) -> assertThat(trigger.channels()).containsExactly("presence-session-299",
						"private-class-3", "private-user-teacher-of-299"));
		});
	}

	@Test
	void methodThatThrowsPublishesNothing() {
		this.runner.run((context) -> {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> context.getBean(ContentService.class).generate("42", "forbidden"));
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void repeatedAnnotationsPublishInTheOrderDeclared() {
		this.runner.run((context) -> {
			context.getBean(SessionService.class).end(7L);
			assertThat(triggers(context)).extracting(Trigger::channels, Trigger::event)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(List.of("presence-session-7"), "session.ended"),
						org.assertj.core.groups.Tuple.tuple(List.of("private-class-3"), "session.ended"));
		});
	}

	@Test
	void voidMethodPublishesItsData() {
		this.runner.run((context) -> {
			context.getBean(AgentService.class).status("tutor-1", "thinking");
			assertThat(triggers(context)).containsExactly(
					new Trigger(List.of("private-agent-tutor-1"), "agent.status", "{\"status\":\"thinking\"}", null));
		});
	}

	@Test
	void annotationOnAnInterfaceMethodApplies() {
		this.runner.run((context) -> {
			context.getBean(Notifier.class).notifyUser("42", "hello");
			assertThat(triggers(context))
				.containsExactly(new Trigger(List.of("private-user-42"), "notification", "hello", null));
		});
	}

	@Test
	void futurePublishesWhenItsValueArrives() {
		this.runner.run((context) -> {
			CompletableFuture<GeneratedContent> pending = new CompletableFuture<>();
			CompletableFuture<GeneratedContent> returned = context.getBean(ContentService.class)
				.generateLater("42", pending);
			assertThat(triggers(context)).isEmpty();
			pending.complete(new GeneratedContent("c-9", "quiz"));
			assertThat(returned.join()).isEqualTo(new GeneratedContent("c-9", "quiz"));
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("private-user-42"), "content.generated",
					"{\"contentId\":\"c-9\",\"contentType\":\"quiz\"}", null));
		});
	}

	@Test
	void failedFuturePublishesNothing() {
		this.runner.run((context) -> {
			CompletableFuture<GeneratedContent> returned = context.getBean(ContentService.class)
				.generateLater("42", CompletableFuture.failedFuture(new IllegalStateException("model offline")));
			assertThat(returned).isCompletedExceptionally();
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void optionalResultIsUnwrapped() {
		this.runner.run((context) -> {
			ContentService contents = context.getBean(ContentService.class);
			contents.find("42", "c-1");
			contents.find("42", "missing");
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("private-user-42"), "content.found",
					"{\"contentId\":\"c-1\",\"contentType\":\"lesson\"}", null));
		});
	}

	@Test
	void singleExpressionMayNameSeveralChannels() {
		this.runner.run((context) -> {
			context.getBean(ProgressService.class).announce(List.of("1", "2"), "Snow day");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.channels()).containsExactly("private-user-1",
						"private-user-2"));
		});
	}

	@Test
	void nullInATemplateIsAFailureNotAChannel(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(ContentService.class).generate(null, "lesson");
			assertThat(triggers(context)).isEmpty();
			assertThat(context.getBean(PublishFailures.class).events).singleElement().satisfies((failure) -> {
				assertThat(failure.getMessage()).isNull();
				assertThat(failure.getException()).hasMessageContaining("ContentService.generate(String, String)")
					.hasMessageContaining("attribute 'channels'")
					.hasMessageContaining("'#userId'")
					.hasMessageContaining("it is null");
			});
		});
	}

	@Test
	void emptyValueInATemplateIsAFailure() {
		this.runner.run((context) -> {
			context.getBean(ContentService.class).generate("", "lesson");
			assertThat(triggers(context)).isEmpty();
			assertThat(context.getBean(PublishFailures.class).events).singleElement()
				.satisfies((failure) -> assertThat(failure.getException()).hasMessageContaining("it is empty"));
		});
	}

	@Test
	void failureLeavesTheResultAndIsPublishedAsAnEvent(CapturedOutput output) {
		this.runner.run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			GeneratedContent content = context.getBean(ContentService.class).generate("42", "secret-lesson-plan");
			assertThat(content.contentType()).isEqualTo("secret-lesson-plan");
			assertThat(context.getBean(PublishFailures.class).events).singleElement().satisfies((failure) -> {
				assertThat(failure.getException()).isInstanceOf(PusherApiException.class);
				assertThat(failure.isPossiblyDelivered()).isFalse();
				assertThat(failure.getMethod())
					.isEqualTo(ContentService.class.getMethod("generate", String.class, String.class));
				assertThat(failure.getBroadcast()).isNull();
				assertThat(failure.getMessage().channels()).containsExactly("private-user-42");
			});
			assertThat(output)
				.contains("Could not publish 'content.generated' on [private-user-42] for "
						+ "@PusherEvent on PusherEventTests.ContentService.generate(String, String)")
				.doesNotContain("secret-lesson-plan");
		});
	}

	@Test
	void failOnErrorThrowsTheFailureToTheCaller() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> context.getBean(ContentService.class).generate("42", "lesson"));
			assertThat(context.getBean(PublishFailures.class).events).hasSize(1);
		});
	}

	@Test
	void failOnErrorThrowsAnInvalidChannel() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			assertThatExceptionOfType(PusherValidationException.class)
				.isThrownBy(() -> context.getBean(ContentService.class).generate("4 2", "lesson"))
				.withMessageContaining("'private-user-4 2'");
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void failOnErrorFailsTheReturnedFuture() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			CompletableFuture<GeneratedContent> returned = context.getBean(ContentService.class)
				.generateLater("42", CompletableFuture.completedFuture(new GeneratedContent("c-9", "quiz")));
			assertThat(returned).failsWithin(Duration.ofSeconds(5))
				.withThrowableThat()
				.withCauseInstanceOf(PusherApiException.class);
		});
	}

	@Test
	void asyncPublishesThroughTriggerAsyncAndReportsFailuresLater() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			context.getBean(AgentService.class).statusAsync("tutor-1", "done");
			context.getBean(AgentService.class).statusAsync("tutor-1", "idle");
			await().atMost(Duration.ofSeconds(5))
				.untilAsserted(() -> assertThat(context.getBean(PublishFailures.class).events).singleElement()
					.satisfies((failure) -> assertThat(failure.getException()).isInstanceOf(PusherApiException.class)));
			assertThat(triggers(context)).extracting(Trigger::data)
				.containsExactly("{\"status\":\"done\"}", "{\"status\":\"idle\"}");
		});
	}

	@Test
	void toOthersExcludesTheSocketInTheRequestHeader() {
		this.runner.run((context) -> {
			bindRequest("X-Socket-ID", "1234.5678");
			context.getBean(SessionService.class).raiseHand(7L, "42");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.socketId()).isEqualTo("1234.5678"));
		});
	}

	@Test
	void toOthersWithoutTheHeaderReachesEveryone() {
		this.runner.run((context) -> {
			bindRequest("X-Other", "1234.5678");
			SessionService sessions = context.getBean(SessionService.class);
			sessions.raiseHand(7L, "42");
			RequestContextHolder.resetRequestAttributes();
			sessions.raiseHand(7L, "43");
			assertThat(triggers(context)).hasSize(2).allSatisfy((trigger) -> assertThat(trigger.socketId()).isNull());
		});
	}

	@Test
	void toOthersIgnoresAMalformedSocketId() {
		this.runner.run((context) -> {
			bindRequest("X-Socket-ID", "1234.5678;drop");
			context.getBean(SessionService.class).raiseHand(7L, "42");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.socketId()).isNull());
		});
	}

	@Test
	void socketIdHeaderIsConfigurable() {
		this.runner.withPropertyValues("pusher.events.socket-id-header=X-Pusher-Socket").run((context) -> {
			bindRequest("X-Pusher-Socket", "99.1");
			context.getBean(SessionService.class).raiseHand(7L, "42");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.socketId()).isEqualTo("99.1"));
		});
	}

	@Test
	void withoutToOthersTheSocketIsNotExcluded() {
		this.runner.run((context) -> {
			bindRequest("X-Socket-ID", "1234.5678");
			context.getBean(ContentService.class).generate("42", "lesson");
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.socketId()).isNull());
		});
	}

	@Test
	void disabledEventsLeaveMethodsAlone() {
		this.runner.withPropertyValues("pusher.events.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(PusherEventAnnotationBeanPostProcessor.class);
			context.getBean(ContentService.class).generate("42", "lesson");
			assertThat(triggers(context)).isEmpty();
		});
	}

	private static List<Trigger> triggers(org.springframework.context.ApplicationContext context) {
		return Triggers.of(context.getBean(ScriptedTransport.class));
	}

	private static void bindRequest(String header, String value) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader(header, value);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	record GeneratedContent(String contentId, String contentType) {
	}

	record Session(long id, long classId) {
	}

	record Assessment(String userId, int score) {
	}

	static class ContentService {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public GeneratedContent generate(String userId, String contentType) {
			if (contentType.equals("forbidden")) {
				throw new IllegalArgumentException(contentType);
			}
			return new GeneratedContent("c-" + userId, contentType);
		}

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public CompletableFuture<GeneratedContent> generateLater(String userId,
				CompletableFuture<GeneratedContent> generation) {
			return generation;
		}

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.found")
		public Optional<GeneratedContent> find(String userId, String contentId) {
			return contentId.equals("missing") ? Optional.empty()
					: Optional.of(new GeneratedContent(contentId, "lesson"));
		}

	}

	static class SessionService {

		@PusherEvent(channels = { "presence-session-#{#p0}", "private-class-#{#result.classId}",
				"private-user-#{@teacherDirectory.teacherOf(#a0)}" }, event = "session.started")
		public Session start(long sessionId, String title) {
			return new Session(sessionId, 3);
		}

		@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.ended")
		@PusherEvent(channels = "private-class-#{#result.classId}", event = "session.ended")
		public Session end(long sessionId) {
			return new Session(sessionId, 3);
		}

		@PusherEvent(channels = "presence-session-#{#sessionId}", event = "hand.raised", data = "#userId",
				toOthers = true)
		public void raiseHand(long sessionId, String userId) {
		}

	}

	static class ProgressService {

		@PusherEvent(channels = "private-user-#{#userId}", event = "progress.#{#activity}.updated",
				data = "{percent: #percent}")
		public void update(String userId, String activity, int percent) {
		}

		@PusherEvent(channels = "#{#userIds.!['private-user-' + #this]}", event = "announcement", data = "#text")
		public void announce(List<String> userIds, String text) {
		}

	}

	static class AssessmentService {

		@PusherEvent(channels = "private-user-#{#userId}", event = "assessment.completed",
				condition = "#result.score >= 60")
		public Assessment complete(String userId, int score) {
			return new Assessment(userId, score);
		}

		@PusherEvent(channels = "private-user-#{#userId}", event = "assessment.graded",
				data = "{given: #p1, grade: #result}")
		public String grade(String userId, String result) {
			return result.toUpperCase(Locale.ROOT);
		}

	}

	static class AgentService {

		@PusherEvent(channels = "private-agent-#{#agentId}", event = "agent.status", data = "{status: #status}")
		public void status(String agentId, String status) {
		}

		@PusherEvent(channels = "private-agent-#{#agentId}", event = "agent.status", data = "{status: #status}",
				async = true)
		public void statusAsync(String agentId, String status) {
		}

	}

	interface Notifier {

		@PusherEvent(channels = "private-user-#{#userId}", event = "notification", data = "#text")
		void notifyUser(String userId, String text);

	}

	static class SimpleNotifier implements Notifier {

		@Override
		public void notifyUser(String userId, String text) {
		}

	}

	static class TeacherDirectory {

		public String teacherOf(long sessionId) {
			return "teacher-of-" + sessionId;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ClassroomConfiguration {

		@Bean
		ScriptedTransport scriptedTransport() {
			return new ScriptedTransport();
		}

		@Bean
		ContentService contentService() {
			return new ContentService();
		}

		@Bean
		SessionService sessionService() {
			return new SessionService();
		}

		@Bean
		ProgressService progressService() {
			return new ProgressService();
		}

		@Bean
		AssessmentService assessmentService() {
			return new AssessmentService();
		}

		@Bean
		AgentService agentService() {
			return new AgentService();
		}

		@Bean
		SimpleNotifier notifier() {
			return new SimpleNotifier();
		}

		@Bean
		TeacherDirectory teacherDirectory() {
			return new TeacherDirectory();
		}

		@Bean
		PublishFailures failures() {
			return new PublishFailures();
		}

	}

}
