package io.pusherspring.autoconfigure;

import io.pusherspring.core.PusherTransport;
import io.pusherspring.core.ScriptedTransport;
import io.pusherspring.health.PusherHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PusherHealthContributorAutoConfiguration}.
 */
class PusherHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class,
				PusherHealthContributorAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret");

	@Test
	void definesTheIndicatorOverTheApplicationsTransport() {
		this.runner.withBean(PusherTransport.class, ScriptedTransport::new).run((context) -> {
			assertThat(context).hasSingleBean(PusherHealthIndicator.class).hasBean("pusherHealthIndicator");
			assertThat(context.getBean(PusherHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			assertThat(((ScriptedTransport) context.getBean(PusherTransport.class)).requests()).hasSize(1);
		});
	}

	@Test
	void definesTheIndicatorOverTheAutoConfiguredHttpTransport() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(PusherHealthIndicator.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.pusher.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherHealthIndicator.class));
	}

	@Test
	void followsTheDefaultOfAllIndicators() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PusherHealthIndicator.class));
		this.runner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.pusher.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(PusherHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootsHealthSupport() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherHealthIndicator.class));
	}

	@Test
	void backsOffWithoutATransport() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PusherHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PusherHealthIndicator.class));
	}

	@Test
	void checksThePrimaryOfSeveralTransports() {
		ScriptedTransport primary = new ScriptedTransport();
		this.runner
			.withBean("primaryTransport", PusherTransport.class, () -> primary,
					(definition) -> definition.setPrimary(true))
			.withBean("otherTransport", PusherTransport.class, ScriptedTransport::new)
			.run((context) -> {
				context.getBean(PusherHealthIndicator.class).health();
				assertThat(primary.requests()).hasSize(1);
			});
	}

	@Test
	void backsOffForSeveralTransportsWithoutAPrimary() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(PusherHealthContributorAutoConfiguration.class))
			.withBean("oneTransport", PusherTransport.class, ScriptedTransport::new)
			.withBean("otherTransport", PusherTransport.class, ScriptedTransport::new)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PusherHealthIndicator.class));
	}

	@Test
	void backsOffForTheApplicationsOwnIndicator() {
		this.runner.withBean("pusherHealthIndicator", HealthIndicator.class, () -> () -> null)
			.run((context) -> assertThat(context).doesNotHaveBean(PusherHealthIndicator.class));
	}

	@Test
	void keepsAnswersForTheConfiguredTimeToLive() {
		this.runner.withBean(PusherTransport.class, ScriptedTransport::new)
			.withPropertyValues("management.health.pusher.cache.time-to-live=0s")
			.run((context) -> {
				PusherHealthIndicator indicator = context.getBean(PusherHealthIndicator.class);
				indicator.health();
				indicator.health();
				assertThat(((ScriptedTransport) context.getBean(PusherTransport.class)).requests()).hasSize(2);
			});
		this.runner.withBean(PusherTransport.class, ScriptedTransport::new).run((context) -> {
			PusherHealthIndicator indicator = context.getBean(PusherHealthIndicator.class);
			indicator.health();
			indicator.health();
			assertThat(((ScriptedTransport) context.getBean(PusherTransport.class)).requests()).hasSize(1);
		});
	}

	@Test
	void refusesANegativeTimeToLive() {
		this.runner.withPropertyValues("management.health.pusher.cache.time-to-live=-1s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("management.health.pusher.cache.time-to-live"));
	}

}
