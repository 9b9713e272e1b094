package io.pusherspring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.LoggingPusherPublishListener;
import io.pusherspring.core.PusherObservationConvention;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherPublishListener;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.http.client.HttpComponentsHttpClientBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.retry.RetryListener;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for publishing to Pusher Channels: the
 * {@link PusherConnectionDetails}, the {@link ChannelEncryption} of
 * {@code pusher.encryption-master-key}, the {@link PusherClientSettings} of front ends,
 * and a {@link PusherTemplate} over an {@link HttpPusherTransport}, configured by
 * {@code pusher.*} properties, the {@link RetryListener} and
 * {@link PusherPublishListener} beans, and {@link PusherTemplateBuilderCustomizer} beans.
 * The template is observed with the application's {@link ObservationRegistry} and
 * {@link PusherObservationConvention} unless {@code pusher.observations.enabled=false}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ PusherTemplate.class, JsonMapper.class })
@EnableConfigurationProperties(PusherProperties.class)
@Import(PusherConnectionConfiguration.class)
public final class PusherAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LoggingPusherPublishListener loggingPusherPublishListener() {
		return new LoggingPusherPublishListener();
	}

	@Bean
	@ConditionalOnMissingBean
	PusherTemplateConfigurer pusherTemplateConfigurer(PusherProperties properties,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<RetryListener> retryListeners,
			ObjectProvider<PusherPublishListener> publishListeners,
			ObjectProvider<PusherTemplateBuilderCustomizer> customizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<PusherObservationConvention> observationConvention) {
		PusherTemplateConfigurer configurer = new PusherTemplateConfigurer(properties,
				jsonMapper.getIfAvailable(JsonMapper::shared), retryListeners.orderedStream().toList(),
				publishListeners.orderedStream().toList(), customizers.orderedStream().toList());
		PusherObservations.apply(properties, observationRegistry, observationConvention,
				configurer::setObservationRegistry, configurer::setObservationConvention);
		return configurer;
	}

	@Bean
	@ConditionalOnMissingBean(PusherOperations.class)
	@ConditionalOnBean(PusherTransport.class)
	PusherTemplate pusherTemplate(PusherTransport pusherTransport, PusherTemplateConfigurer configurer,
			ObjectProvider<ChannelEncryption> encryption) {
		PusherTemplate.Builder builder = PusherTemplate.builder(pusherTransport)
			.encryption(encryption.getIfAvailable());
		return configurer.configure(builder).build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HttpClients.class, HttpAsyncClients.class, HttpComponentsHttpClientBuilder.class })
	static class HttpTransportConfiguration {

		@Bean
		@ConditionalOnMissingBean
		HttpPusherTransport.Settings pusherHttpSettings(PusherProperties properties,
				ObjectProvider<SslBundles> sslBundles) {
			PusherProperties.Http http = properties.getHttp();
			HttpPusherTransport.Settings settings = new HttpPusherTransport.Settings(http.getConnectTimeout(),
					http.getReadTimeout(), http.getMaxConnections());
			String bundleName = http.getSsl().getBundle();
			if (bundleName == null || bundleName.isBlank()) {
				return settings;
			}
			SslBundles bundles = sslBundles.getIfAvailable();
			if (bundles == null) {
				throw new InvalidConfigurationPropertyValueException("pusher.http.ssl.bundle", bundleName,
						"No SSL bundles are configured (spring.ssl.bundle.*).");
			}
			try {
				return settings.withSslBundle(bundles.getBundle(bundleName));
			}
			catch (NoSuchSslBundleException ex) {
				throw new InvalidConfigurationPropertyValueException("pusher.http.ssl.bundle", bundleName,
						ex.getMessage());
			}
		}

		@Bean
		@ConditionalOnMissingBean(PusherTransport.class)
		HttpPusherTransport pusherTransport(PusherConnectionDetails connectionDetails,
				HttpPusherTransport.Settings pusherHttpSettings) {
			return new HttpPusherTransport(connectionDetails.getCredentials(), connectionDetails.getEndpoint(),
					pusherHttpSettings);
		}

	}

}
