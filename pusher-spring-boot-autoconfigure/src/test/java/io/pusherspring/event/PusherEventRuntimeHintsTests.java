package io.pusherspring.event;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the runtime hints of {@link PusherEvent @PusherEvent} methods, registered by
 * Spring's own ahead-of-time processing of an application context.
 */
class PusherEventRuntimeHintsTests {

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void annotatedMethodsCanBeInvoked() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(ContentService.class, "generate"))
			.matches(this.reflection.onMethodInvocation(ContentService.class, "generateLater"))
			.matches(this.reflection.onMethodInvocation(ContentService.class, "find"))
			.matches(this.reflection.onMethodInvocation(SessionService.class, "start"));
	}

	@Test
	void annotatedInterfaceMethodsCanBeInvokedOnTheInterfaceAndTheClass() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(Notifier.class, "notifyUser"))
			.matches(this.reflection.onMethodInvocation(SimpleNotifier.class, "notifyUser"));
	}

	@Test
	void returnValuesAreBoundForJacksonAndSpel() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(GeneratedContent.class, "contentId"))
			.matches(this.reflection.onMethodInvocation(Author.class, "name"))
			.matches(this.reflection.onType(GeneratedContent.class)
				.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS))
			.matches(this.reflection.onType(Session.class).withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS));
	}

	@Test
	void valuesOfFuturesAndOptionalsAreTheRoots() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(Lesson.class, "title"))
			.matches(this.reflection.onMethodInvocation(Quiz.class, "questions"));
	}

	@Test
	void argumentsAreRoots() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(Request.class, "topic"))
			.matches(this.reflection.onType(Request.class).withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS));
	}

	@Test
	void beansNamedByExpressionsCanBeCalled() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onType(TeacherDirectory.class)
			.withMemberCategory(MemberCategory.INVOKE_PUBLIC_METHODS));
	}

	@Test
	void beansWithoutPusherEventsGetNoHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(Unannotated.class, "unused").negate())
			.matches(this.reflection.onType(Unused.class).negate());
	}

	@Test
	void invalidAnnotationFailsTheBuild() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(MisspelledArgument.class);
		assertThatException().isThrownBy(() -> processAheadOfTime(context))
			.havingRootCause()
			.isInstanceOf(InvalidPusherEventException.class)
			.withMessageContaining("refers to #user, which is neither an argument nor #result");
	}

	@Test
	void beansProxiedAtBuildTimeGetTheHintsOfTheirClass() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(PusherEventAnnotationBeanPostProcessor.class);
		context.registerBean(ContentService.class);
		RuntimeHints hints = processAheadOfTime(context);
		assertThat(hints).matches(this.reflection.onMethodInvocation(Lesson.class, "title"))
			.matches(this.reflection.onMethodInvocation(GeneratedContent.class, "contentId"));
	}

	private RuntimeHints processAheadOfTime() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(ContentService.class);
		context.registerBean(SessionService.class);
		context.registerBean("notifier", SimpleNotifier.class);
		context.registerBean("teacherDirectory", TeacherDirectory.class);
		context.registerBean(Unannotated.class);
		return processAheadOfTime(context);
	}

	private static RuntimeHints processAheadOfTime(GenericApplicationContext context) {
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(PusherEventRuntimeHintsTests.class)),
				new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		return generationContext.getRuntimeHints();
	}

	public record Author(String name) {
	}

	public record GeneratedContent(String contentId, Author author) {
	}

	public record Lesson(String title) {
	}

	public record Quiz(List<String> questions) {
	}

	public record Request(String topic) {
	}

	public record Session(long id, long classId) {
	}

	public record Unused(String value) {
	}

	public static class ContentService {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public GeneratedContent generate(String userId, Request request) {
			return new GeneratedContent("c-1", new Author(request.topic()));
		}

		@PusherEvent(channels = "private-user-#{#userId}", event = "lesson.ready")
		public CompletableFuture<Lesson> generateLater(String userId) {
			return CompletableFuture.completedFuture(new Lesson("Fractions"));
		}

		@PusherEvent(channels = "private-user-#{#userId}", event = "quiz.found", data = "#result.questions()")
		public Optional<Quiz> find(String userId) {
			return Optional.empty();
		}

	}

	public static class SessionService {

		@PusherEvent(
				channels = { "private-class-#{#result.classId}", "private-user-#{@teacherDirectory.teacherOf(#p0)}" },
				event = "session.started")
		public Session start(long sessionId) {
			return new Session(sessionId, 3);
		}

	}

	public interface Notifier {

		@PusherEvent(channels = "private-user-#{#userId}", event = "notification", data = "#text")
		void notifyUser(String userId, String text);

	}

	public static class SimpleNotifier implements Notifier {

		@Override
		public void notifyUser(String userId, String text) {
		}

	}

	public static class TeacherDirectory {

		public String teacherOf(long sessionId) {
			return "teacher-of-" + sessionId;
		}

	}

	public static class Unannotated {

		public Unused unused(Unused value) {
			return value;
		}

	}

	public static class MisspelledArgument {

		@PusherEvent(channels = "private-user-#{#user}", event = "content.generated")
		public GeneratedContent generate(String userId) {
			return new GeneratedContent("c-1", new Author(userId));
		}

	}

}
