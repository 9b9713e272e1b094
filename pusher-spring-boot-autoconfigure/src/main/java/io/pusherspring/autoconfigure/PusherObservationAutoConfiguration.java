package io.pusherspring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.core.PusherObservationConvention;
import io.pusherspring.core.PusherTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} that observes {@link PusherTemplate} calls with the application's
 * {@link ObservationRegistry}: a {@link PusherTemplateBuilderCustomizer} that the
 * auto-configured template, and every template built with
 * {@link PusherTemplateConfigurer}, applies first. Its convention is the
 * {@link PusherObservationConvention} bean if there is one. Switched off by
 * {@code pusher.observations.enabled=false}, which also switches off the observations of
 * the auth endpoints and of webhooks.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass({ ObservationRegistry.class, PusherTemplate.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "pusher.observations.enabled", matchIfMissing = true)
public final class PusherObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "pusherTemplateObservationCustomizer")
	PusherTemplateBuilderCustomizer pusherTemplateObservationCustomizer(ObservationRegistry observationRegistry,
			ObjectProvider<PusherObservationConvention> observationConvention) {
		return new ObservationCustomizer(observationRegistry, observationConvention);
	}

	/**
	 * Applied before the application's customizers, so that one of them can still replace
	 * the registry or the convention of a template.
	 */
	private record ObservationCustomizer(ObservationRegistry registry,
			ObjectProvider<PusherObservationConvention> convention)
			implements
				PusherTemplateBuilderCustomizer,
				Ordered {

		@Override
		public void customize(PusherTemplate.Builder builder) {
			builder.observationRegistry(this.registry).observationConvention(this.convention.getIfUnique());
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
