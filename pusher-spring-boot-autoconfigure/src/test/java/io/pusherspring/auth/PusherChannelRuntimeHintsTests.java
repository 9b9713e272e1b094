package io.pusherspring.auth;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the runtime hints of {@link PusherChannel @PusherChannel} methods, registered
 * by Spring's own ahead-of-time processing of an application context.
 */
class PusherChannelRuntimeHintsTests {

	private final ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();

	@Test
	void channelMethodsCanBeInvoked() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(ClassroomChannels.class, "userChannel"))
			.matches(this.reflection.onMethodInvocation(ClassroomChannels.class, "classChannel"));
	}

	@Test
	void channelMethodsDeclaredByAnInterfaceCanBeInvokedOnBoth() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(SessionChannels.class, "session"))
			.matches(this.reflection.onMethodInvocation(LiveSessionChannels.class, "session"));
	}

	@Test
	void otherMethodsGetNoHints() {
		RuntimeHints hints = processAheadOfTime();
		assertThat(hints).matches(this.reflection.onMethodInvocation(ClassroomChannels.class, "helper").negate())
			.matches(this.reflection.onMethodInvocation(Unannotated.class, "session").negate());
	}

	private static RuntimeHints processAheadOfTime() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(ClassroomChannels.class);
		context.registerBean(LiveSessionChannels.class);
		context.registerBean(Unannotated.class);
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(PusherChannelRuntimeHintsTests.class)),
				new InMemoryGeneratedFiles());
		new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
		return generationContext.getRuntimeHints();
	}

	public static class ClassroomChannels {

		@PusherChannel("private-user-{userId}")
		public boolean userChannel(@ChannelVariable("userId") String userId) {
			return true;
		}

		@PusherChannel("presence-class-{classId}")
		PresenceMember classChannel(@ChannelVariable("classId") long classId) {
			return PresenceMember.of("teacher");
		}

		public String helper() {
			return "not a channel";
		}

	}

	public interface SessionChannels {

		@PusherChannel("private-session-{sessionId}")
		boolean session(@ChannelVariable("sessionId") long sessionId);

	}

	public static class LiveSessionChannels implements SessionChannels {

		@Override
		public boolean session(long sessionId) {
			return true;
		}

	}

	public static class Unannotated {

		public boolean session(long sessionId) {
			return false;
		}

	}

}
