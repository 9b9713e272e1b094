package io.pusherspring.autoconfigure;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.core.PusherObservationConvention;
import io.pusherspring.core.PusherPublishListener;
import io.pusherspring.core.PusherTemplate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.support.CompositeRetryListener;
import org.springframework.util.Assert;

/**
 * Configures a {@link PusherTemplate.Builder} as the auto-configuration does: the
 * application's {@link JsonMapper}, the payload limit and the retries of the
 * {@code pusher.*} properties, the {@link RetryListener} and
 * {@link PusherPublishListener} beans, the application's {@link ObservationRegistry} and
 * {@link PusherObservationConvention} (unless {@code pusher.observations.enabled=false}),
 * then every {@link PusherTemplateBuilderCustomizer}. Use it to build a template for
 * another Pusher app that behaves like the auto-configured one.
 */
public class PusherTemplateConfigurer {

	private final PusherProperties properties;

	private final JsonMapper jsonMapper;

	private final List<RetryListener> retryListeners;

	private final List<PusherPublishListener> publishListeners;

	private final List<PusherTemplateBuilderCustomizer> customizers;

	private @Nullable ObservationRegistry observationRegistry;

	private @Nullable PusherObservationConvention observationConvention;

	/**
	 * Create a configurer.
	 * @param properties the properties whose limits and retries to apply
	 * @param jsonMapper the mapper that serializes event data
	 * @param retryListeners the listeners told about retries
	 * @param publishListeners the listeners told about every published message
	 * @param customizers the customizers, in the order to apply them
	 */
	public PusherTemplateConfigurer(PusherProperties properties, JsonMapper jsonMapper,
			List<RetryListener> retryListeners, List<PusherPublishListener> publishListeners,
			List<PusherTemplateBuilderCustomizer> customizers) {
		Assert.notNull(properties, "'properties' must not be null");
		Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
		this.properties = properties;
		this.jsonMapper = jsonMapper;
		this.retryListeners = List.copyOf(retryListeners);
		this.publishListeners = List.copyOf(publishListeners);
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Observe the templates configured with this registry.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Name and tag the observations of the templates configured with this convention
	 * instead of the default.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable PusherObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	/**
	 * Apply the configuration, then the customizers, to a builder.
	 * @param builder the builder, for example {@code PusherTemplate.builder(transport)}
	 * @return the same builder
	 */
	public PusherTemplate.Builder configure(PusherTemplate.Builder builder) {
		PusherProperties.Retry retry = this.properties.getRetry();
		builder.jsonMapper(this.jsonMapper)
			.maxPayloadSize(this.properties.getLimits().getMaxPayloadSize())
			.retryPolicy(retry.initializeRetryPolicySettings().createRetryPolicy())
			.maxRetryAfter(retry.getMaxDelay())
			.retryListener(retryListener())
			.publishListeners(this.publishListeners);
		if (this.observationRegistry != null) {
			// before the customizers, so that one of them can still replace either
			builder.observationRegistry(this.observationRegistry).observationConvention(this.observationConvention);
		}
		for (PusherTemplateBuilderCustomizer customizer : this.customizers) {
			customizer.customize(builder);
		}
		return builder;
	}

	private @Nullable RetryListener retryListener() {
		if (this.retryListeners.size() > 1) {
			return new CompositeRetryListener(this.retryListeners);
		}
		return this.retryListeners.isEmpty() ? null : this.retryListeners.get(0);
	}

}
