package io.pusherspring.event;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherEventAutoConfiguration;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.event.Triggers.Trigger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherBroadcast} application events, outside transactions.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherBroadcastTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherEventAutoConfiguration.class))
		.withBean(ScriptedTransport.class)
		.withBean(PublishFailures.class)
		.withPropertyValues("pusher.retry.max-retries=0");

	@Test
	void publishedEventIsBroadcast() {
		this.runner.run((context) -> {
			context.publishEvent(new SessionStarted(7, "Fractions", null));
			assertThat(triggers(context)).containsExactly(new Trigger(List.of("presence-session-7"), "session.started",
					"{\"sessionId\":7,\"title\":\"Fractions\"}", null));
		});
	}

	@Test
	void broadcastLeavesOutTheSocketItNames() {
		this.runner.run((context) -> {
			context.publishEvent(new SessionStarted(7, "Fractions", "1234.5678"));
			assertThat(triggers(context)).singleElement()
				.satisfies((trigger) -> assertThat(trigger.socketId()).isEqualTo("1234.5678"));
		});
	}

	@Test
	void applicationEventSubclassIsBroadcast() {
		this.runner.run((context) -> {
			context.publishEvent(new AgentStatusChanged(context, "tutor-1", "thinking"));
			assertThat(triggers(context)).containsExactly(
					new Trigger(List.of("private-agent-tutor-1"), "agent.status", "{\"status\":\"thinking\"}", null));
		});
	}

	@Test
	void otherEventsAreNotBroadcast() {
		this.runner.run((context) -> {
			context.publishEvent("session.started");
			assertThat(triggers(context)).isEmpty();
		});
	}

	@Test
	void failureIsPublishedAsAnEvent() {
		this.runner.run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			SessionStarted started = new SessionStarted(7, "Fractions", null);
			context.publishEvent(started);
			assertThat(context.getBean(PublishFailures.class).events).singleElement().satisfies((failure) -> {
				assertThat(failure.getBroadcast()).isSameAs(started);
				assertThat(failure.getMethod()).isNull();
				assertThat(failure.getException()).isInstanceOf(PusherApiException.class);
				assertThat(failure.getMessage().event()).isEqualTo("session.started");
			});
		});
	}

	@Test
	void broadcastThatCannotBuildItsMessageIsAFailure() {
		this.runner.run((context) -> {
			context.publishEvent(new Broken());
			assertThat(triggers(context)).isEmpty();
			assertThat(context.getBean(PublishFailures.class).events).singleElement()
				.satisfies((failure) -> assertThat(failure.getException()).hasMessage("no channels today"));
		});
	}

	@Test
	void failOnErrorThrowsToThePublisherOutsideATransaction() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true").run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400);
			assertThatExceptionOfType(PusherApiException.class)
				.isThrownBy(() -> context.publishEvent(new SessionStarted(7, "Fractions", null)));
		});
	}

	@Test
	void disabledEventsAreNotBroadcast() {
		this.runner.withPropertyValues("pusher.events.enabled=false").run((context) -> {
			context.publishEvent(new SessionStarted(7, "Fractions", null));
			assertThat(triggers(context)).isEmpty();
		});
	}

	private static List<Trigger> triggers(ApplicationContext context) {
		return Triggers.of(context.getBean(ScriptedTransport.class));
	}

	record SessionStarted(long sessionId, String title, @Nullable String excludeSocketId) implements PusherBroadcast {

		@Override
		public List<String> channels() {
			return List.of("presence-session-" + this.sessionId);
		}

		@Override
		public String event() {
			return "session.started";
		}

		@Override
		public Object data() {
			return new SessionData(this.sessionId, this.title);
		}

	}

	record SessionData(long sessionId, String title) {

	}

	static class AgentStatusChanged extends ApplicationEvent implements PusherBroadcast {

		private final String agentId;

		private final String status;

		AgentStatusChanged(Object source, String agentId, String status) {
			super(source);
			this.agentId = agentId;
			this.status = status;
		}

		@Override
		public Collection<String> channels() {
			return List.of("private-agent-" + this.agentId);
		}

		@Override
		public String event() {
			return "agent.status";
		}

		@Override
		public Object data() {
			return Map.of("status", this.status);
		}

	}

	static class Broken implements PusherBroadcast {

		@Override
		public Collection<String> channels() {
			throw new IllegalStateException("no channels today");
		}

		@Override
		public String event() {
			return "broken";
		}

		@Override
		public Object data() {
			return "{}";
		}

	}

}
