package io.pusherspring.autoconfigure;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import io.pusherspring.core.PusherApiException;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.event.DurablePusherBroadcastListener;
import io.pusherspring.event.DurablePusherBroadcastListenerFactory;
import io.pusherspring.event.PusherBroadcast;
import io.pusherspring.event.PusherBroadcastListener;
import io.pusherspring.event.PusherEvent;
import io.pusherspring.event.PusherEventAnnotationBeanPostProcessor;
import io.pusherspring.event.RequestHeaderSocketIdResolver;
import io.pusherspring.event.SocketIdResolver;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PusherEventAutoConfiguration}.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class PusherEventAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherEventAutoConfiguration.class))
		.withBean(ScriptedTransport.class);

	@Test
	void definesPostProcessorSocketIdResolverAndBroadcastListenerByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PusherEventAnnotationBeanPostProcessor.class)
			.hasSingleBean(RequestHeaderSocketIdResolver.class)
			.hasSingleBean(PusherBroadcastListener.class)
			.doesNotHaveBean(DurablePusherBroadcastListener.class));
	}

	@Test
	void eventsEnabledFalseDefinesNothing() {
		this.runner.withPropertyValues("pusher.events.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherEventAnnotationBeanPostProcessor.class)
				.doesNotHaveBean(PusherBroadcastListener.class));
	}

	@Test
	void backsOffWithoutPusherOperations() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
					PusherEventAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(org.apache.hc.client5.http.impl.async.HttpAsyncClients.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(PusherEventAnnotationBeanPostProcessor.class)
				.doesNotHaveBean(PusherBroadcastListener.class));
	}

	@Test
	void socketIdHeaderPropertyConfiguresTheResolver() {
		this.runner.withPropertyValues("pusher.events.socket-id-header=X-Pusher-Socket")
			.run((context) -> assertThat(context.getBean(RequestHeaderSocketIdResolver.class))
				.hasFieldOrPropertyWithValue("headerName", "X-Pusher-Socket"));
	}

	@Test
	void noSocketIdResolverWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServletRequest.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketIdResolver.class));
	}

	@Test
	void userDefinedSocketIdResolverReplacesTheDefault() {
		SocketIdResolver fromMessageHeaders = () -> "1.2";
		this.runner.withBean(SocketIdResolver.class, () -> fromMessageHeaders)
			.run((context) -> assertThat(context).doesNotHaveBean(RequestHeaderSocketIdResolver.class)
				.getBean(SocketIdResolver.class)
				.isSameAs(fromMessageHeaders));
	}

	@Test
	void failOnErrorPropertyReachesPusherEventMethodsAndBroadcasts() {
		this.runner.withPropertyValues("pusher.events.fail-on-error=true", "pusher.retry.max-retries=0")
			.withBean(Greeter.class)
			.run((context) -> {
				context.getBean(ScriptedTransport.class).thenAnswer(400).thenAnswer(400);
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.getBean(Greeter.class).greet("42"));
				assertThatExceptionOfType(PusherApiException.class)
					.isThrownBy(() -> context.publishEvent(new Greeting("42")));
			});
	}

	@Test
	void failuresReachNoCallerByDefault() {
		this.runner.withPropertyValues("pusher.retry.max-retries=0").withBean(Greeter.class).run((context) -> {
			context.getBean(ScriptedTransport.class).thenAnswer(400).thenAnswer(400);
			assertThat(context.getBean(Greeter.class).greet("42")).isEqualTo("hello 42");
			context.publishEvent(new Greeting("42"));
			assertThat(context.getBean(ScriptedTransport.class).requests()).hasSize(2);
		});
	}

	@Test
	void eventPublicationRegistryMakesBroadcastsDurable() {
		this.runner.withBean(IncompleteEventPublications.class, NoIncompletePublications::new)
			.run((context) -> assertThat(context).hasSingleBean(DurablePusherBroadcastListener.class)
				.hasSingleBean(DurablePusherBroadcastListenerFactory.class)
				.doesNotHaveBean(PusherBroadcastListener.class));
	}

	@Test
	void withoutSpringModulithBroadcastsAreNotDurable() {
		this.runner.withClassLoader(new FilteredClassLoader(IncompleteEventPublications.class))
			.run((context) -> assertThat(context).hasSingleBean(PusherBroadcastListener.class)
				.doesNotHaveBean(DurablePusherBroadcastListener.class));
	}

	static class Greeter {

		@PusherEvent(channels = "private-user-#{#userId}", event = "greeting")
		public String greet(String userId) {
			return "hello " + userId;
		}

	}

	record Greeting(String userId) implements PusherBroadcast {

		@Override
		public Collection<String> channels() {
			return List.of("private-user-" + this.userId);
		}

		@Override
		public String event() {
			return "greeting";
		}

		@Override
		public Object data() {
			return this;
		}

	}

	static class NoIncompletePublications implements IncompleteEventPublications {

		@Override
		public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
		}

		@Override
		public void resubmitIncompletePublicationsOlderThan(Duration duration) {
		}

		@Override
		public void resubmitIncompletePublications(ResubmissionOptions options) {
		}

	}

}
