package io.pusherspring.event;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherEventAutoConfiguration;
import io.pusherspring.core.ScriptedTransport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link PusherEvent @PusherEvent} that cannot work fails start-up, with a message
 * that names the method and the attribute.
 */
class PusherEventStartupFailureTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherEventAutoConfiguration.class))
		.withBean(ScriptedTransport.class);

	static Stream<Arguments> invalidEvents() {
		return Stream.of(
				Arguments.of(UnclosedTemplate.class, "generate(String)", "channels",
						"'private-user-#{#userId' is not a valid expression"),
				Arguments.of(MisspelledArgument.class, "generate(String)", "channels",
						"refers to #user, which is neither an argument nor #result; the arguments are #userId "
								+ "(or #p0), and the return value is #result"),
				Arguments.of(PositionOutOfRange.class, "generate(String)", "channels",
						"refers to #p1, which is neither an argument nor #result"),
				Arguments.of(NameWithoutHash.class, "generate(String)", "channels",
						"refers to 'userId' without '#': write #userId for the argument"),
				Arguments.of(CallOnNothing.class, "generate(String)", "data",
						"calls summary() on nothing: call it on an argument, #result or a bean"),
				Arguments.of(ResultOfVoidMethod.class, "end(long)", "event",
						"refers to #result, but the method returns no value"),
				Arguments.of(VoidMethodWithoutData.class, "end(long)", "data",
						"set it, such as data = \"#request\": the method returns no value to send"),
				Arguments.of(FutureOfVoidWithoutData.class, "end(long)", "data", "the method returns no value"),
				Arguments.of(UnknownBean.class, "generate(String)", "channels",
						"refers to bean @directory, which does not exist"),
				Arguments.of(UnknownFunction.class, "generate(String)", "condition",
						"calls #isTeacher(), but no functions are registered"),
				Arguments.of(InvalidCondition.class, "generate(String)", "condition",
						"'#result.score >' is not a valid expression"),
				Arguments.of(InvalidData.class, "generate(String)", "data", "'#result.' is not a valid expression"),
				Arguments.of(InvalidLiteralChannel.class, "generate(String)", "channels",
						"Channel name 'private user' is invalid"),
				Arguments.of(NoChannels.class, "generate(String)", "channels", "name at least one channel"),
				Arguments.of(EmptyEvent.class, "generate(String)", "event", "must not be empty"),
				Arguments.of(PlainFuture.class, "generate(String)", null,
						"its return type java.util.concurrent.Future is not supported: declare CompletableFuture "
								+ "or CompletionStage"),
				Arguments.of(ReactivePublisher.class, "generate(String)", null,
						"its reactive return type org.reactivestreams.Publisher is not supported: declare Mono, "
								+ "which publishes once it emits, or Flux, which publishes once per element"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidEvents")
	void failsStartupNamingTheMethodAndTheAttribute(Class<?> beanClass, String method, String attribute,
			String reason) {
		this.runner.withBean(beanClass).run((context) -> {
			assertThat(context).hasFailed();
			InvalidPusherEventException failure = findInvalidPusherEvent(context.getStartupFailure());
			assertThat(failure)
				.hasMessageStartingWith("@PusherEvent on PusherEventStartupFailureTests." + beanClass.getSimpleName()
						+ "." + method + ((attribute != null) ? ", attribute '" + attribute + "': " : ": "))
				.hasMessageContaining(reason)
				.satisfies((ex) -> assertThat(ex.getAttribute()).isEqualTo(attribute));
		});
	}

	private static InvalidPusherEventException findInvalidPusherEvent(Throwable failure) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof InvalidPusherEventException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidPusherEventException in " + failure);
	}

	record Content(String id) {
	}

	static class UnclosedTemplate {

		@PusherEvent(channels = "private-user-#{#userId", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class MisspelledArgument {

		@PusherEvent(channels = "private-user-#{#user}", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class PositionOutOfRange {

		@PusherEvent(channels = "private-user-#{#p1}", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class NameWithoutHash {

		@PusherEvent(channels = "private-user-#{userId}", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class CallOnNothing {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated", data = "summary()")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class ResultOfVoidMethod {

		@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.#{#result}", data = "#sessionId")
		public void end(long sessionId) {
		}

	}

	static class VoidMethodWithoutData {

		@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.ended")
		public void end(long sessionId) {
		}

	}

	static class FutureOfVoidWithoutData {

		@PusherEvent(channels = "presence-session-#{#sessionId}", event = "session.ended")
		public CompletableFuture<Void> end(long sessionId) {
			return CompletableFuture.completedFuture(null);
		}

	}

	static class UnknownBean {

		@PusherEvent(channels = "private-user-#{@directory.teacherOf(#userId)}", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class UnknownFunction {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated",
				condition = "#isTeacher(#userId)")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class InvalidCondition {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated", condition = "#result.score >")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class InvalidData {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated", data = "#result.")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class InvalidLiteralChannel {

		@PusherEvent(channels = "private user", event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class NoChannels {

		@PusherEvent(channels = {}, event = "content.generated")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class EmptyEvent {

		@PusherEvent(channels = "private-user-#{#userId}", event = " ")
		public Content generate(String userId) {
			return new Content(userId);
		}

	}

	static class PlainFuture {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public Future<Content> generate(String userId) {
			return CompletableFuture.completedFuture(new Content(userId));
		}

	}

	static class ReactivePublisher {

		@PusherEvent(channels = "private-user-#{#userId}", event = "content.generated")
		public Publisher<Content> generate(String userId) {
			return Mono.just(new Content(userId));
		}

	}

}
