package io.pusherspring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.tck.TestObservationRegistry;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherPublishListener;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.core.ReactivePusherTemplate;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.core.TriggerResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherReactiveAutoConfiguration}.
 */
class PusherReactiveAutoConfigurationTests {

	private static final String[] CREDENTIALS = { "pusher.app-id=3", "pusher.key=278d425bdf160c739803",
			"pusher.secret=7ad3773142a6692b25b8" };

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherReactiveAutoConfiguration.class))
		.withPropertyValues(CREDENTIALS);

	@Test
	void definesAReactiveTemplateThatSharesTheTemplatesTransportListenersAndObservations() {
		this.runner.withUserConfiguration(ScriptedTransportConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(ReactivePusherOperations.class)
				.hasSingleBean(ReactivePusherTemplate.class);
			context.getBean(ReactivePusherOperations.class).trigger("orders", "created", "{}").block();
			assertThat(context.getBean(ScriptedTransport.class).requests()).singleElement()
				.satisfies((request) -> assertThat(request.body()).contains("\"name\":\"created\""));
			assertThat(context.getBean(ScriptedTransportConfiguration.class).published).containsExactly("created");
			assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("pusher.template");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesReactivePusherOperations() {
		this.runner.withUserConfiguration(UserReactiveOperationsConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ReactivePusherOperations.class)
				.hasBean("userReactiveOperations")
				.doesNotHaveBean("reactivePusherTemplate"));
	}

	@Test
	void definesNothingWithoutReactor() {
		this.runner.withClassLoader(new FilteredClassLoader(Mono.class))
			.run((context) -> assertThat(context).hasSingleBean(PusherTemplate.class)
				.doesNotHaveBean(ReactivePusherOperations.class));
	}

	@Test
	void definesNothingWithoutASinglePusherTemplate() {
		this.runner.withUserConfiguration(TwoTemplatesConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(ReactivePusherOperations.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ScriptedTransportConfiguration {

		final List<String> published = new CopyOnWriteArrayList<>();

		@Bean
		ScriptedTransport scriptedTransport() {
			return new ScriptedTransport();
		}

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		PusherPublishListener recordingListener() {
			return new PusherPublishListener() {

				@Override
				public void onSuccess(PusherMessage message, TriggerResult result) {
					ScriptedTransportConfiguration.this.published.add(message.event());
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserReactiveOperationsConfiguration {

		@Bean
		ReactivePusherOperations userReactiveOperations(PusherTemplate template) {
			return new ReactivePusherTemplate(template);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoTemplatesConfiguration {

		@Bean
		PusherTemplate first() {
			return new PusherTemplate(new ScriptedTransport());
		}

		@Bean
		PusherTemplate second() {
			return new PusherTemplate(new ScriptedTransport());
		}

	}

}
