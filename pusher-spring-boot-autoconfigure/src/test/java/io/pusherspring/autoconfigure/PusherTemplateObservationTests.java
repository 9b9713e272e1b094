package io.pusherspring.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.pusherspring.core.DefaultPusherObservationConvention;
import io.pusherspring.core.PusherObservationContext;
import io.pusherspring.core.PusherObservationConvention;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.ScriptedTransport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the observation of templates that {@link PusherAutoConfiguration} wires.
 */
class PusherTemplateObservationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret")
		.withUserConfiguration(TransportConfiguration.class);

	@Test
	void observesTemplateCallsWithTheRegistryBean() {
		this.runner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
			assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("pusher.template")
				.that()
				.hasLowCardinalityKeyValue("event", "created");
		});
	}

	@Test
	void observesNothingWithoutARegistryBean() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PusherTemplate.class));
	}

	@Test
	void observesNothingWhenObservationsAreDisabled() {
		this.runner.withUserConfiguration(RegistryConfiguration.class)
			.withPropertyValues("pusher.observations.enabled=false")
			.run((context) -> {
				context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
				assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
			});
	}

	@Test
	void backsOffWithoutMicrometerOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(PusherTemplate.class));
	}

	@Test
	void usesTheApplicationsConvention() {
		this.runner.withUserConfiguration(RegistryConfiguration.class, ConventionConfiguration.class).run((context) -> {
			context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
			assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("pusher.template")
				.that()
				.hasLowCardinalityKeyValue("tenant", "school-1");
		});
	}

	@Test
	void anApplicationCustomizerRunsAfterAndCanTurnObservationsOff() {
		this.runner.withUserConfiguration(RegistryConfiguration.class)
			.withBean(PusherTemplateBuilderCustomizer.class,
					() -> (builder) -> builder.observationRegistry(ObservationRegistry.NOOP))
			.run((context) -> {
				context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
				assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
			});
	}

	@Test
	void templatesBuiltWithTheConfigurerAreObservedToo() {
		this.runner.withUserConfiguration(RegistryConfiguration.class).run((context) -> {
			PusherTemplate second = context.getBean(PusherTemplateConfigurer.class)
				.configure(PusherTemplate.builder(new ScriptedTransport()))
				.build();
			second.trigger("reports", "ready", "{}");
			assertThat(context.getBean(TestObservationRegistry.class)).hasObservationWithNameEqualTo("pusher.template")
				.that()
				.hasLowCardinalityKeyValue("event", "ready");
		});
	}

	@Test
	void aConfigurerOfTheApplicationsOwnObservesThroughItsSetters() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		PusherTemplateConfigurer configurer = new PusherTemplateConfigurer(new PusherProperties(), JsonMapper.shared(),
				List.of(), List.of(), List.of());
		configurer.setObservationRegistry(registry);
		configurer.setObservationConvention(new ConventionConfiguration().tenantConvention());
		configurer.configure(PusherTemplate.builder(new ScriptedTransport())).build().trigger("reports", "ready", "{}");
		assertThat(registry).hasObservationWithNameEqualTo("pusher.template")
			.that()
			.hasLowCardinalityKeyValue("event", "ready")
			.hasLowCardinalityKeyValue("tenant", "school-1");
	}

	@Test
	void bootsObservationAutoConfigurationProvidesTheRegistryAndItsFilters() {
		ApplicationContextRunner withBoot = this.runner
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.withUserConfiguration(HandlerConfiguration.class);
		withBoot.run((context) -> {
			context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
			assertThat(context.getBean(RecordingHandler.class).names).containsExactly("pusher.template");
		});
		withBoot.withPropertyValues("management.observations.enable.pusher=false").run((context) -> {
			context.getBean(PusherOperations.class).trigger("orders", "created", "{}");
			assertThat(context.getBean(RecordingHandler.class).names).isEmpty();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class TransportConfiguration {

		@Bean
		PusherTransport pusherTransport() {
			return new ScriptedTransport();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RegistryConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		PusherObservationConvention tenantConvention() {
			return new DefaultPusherObservationConvention() {

				@Override
				public KeyValues getLowCardinalityKeyValues(PusherObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "school-1");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HandlerConfiguration {

		@Bean
		RecordingHandler recordingHandler() {
			return new RecordingHandler();
		}

	}

	static class RecordingHandler implements ObservationHandler<Observation.Context> {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Override
		public void onStop(Observation.Context context) {
			this.names.add(context.getName());
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
