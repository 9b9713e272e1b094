package io.pusherspring.autoconfigure;

import com.pusher.rest.SignatureUtil;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherTransport;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.http.impl.client.HttpClients;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for publishing to Pusher Channels: a {@link PusherTemplate} over an
 * {@link HttpPusherTransport}, configured by {@code pusher.*} properties.
 *
 * @author pusher-spring-boot
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass({ PusherTemplate.class, JsonMapper.class })
@EnableConfigurationProperties(PusherProperties.class)
public final class PusherAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(PusherConnectionDetails.class)
	PropertiesPusherConnectionDetails pusherConnectionDetails(PusherProperties properties) {
		return new PropertiesPusherConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("pusher.encryption-master-key")
	ChannelEncryption pusherChannelEncryption(PusherProperties properties) {
		return channelEncryption(properties.getEncryptionMasterKey());
	}

	static ChannelEncryption channelEncryption(String masterKey) {
		try {
			return new ChannelEncryption(masterKey);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("pusher.encryption-master-key", "******",
					ex.getMessage() + ". Generate one with: openssl rand -base64 32");
		}
	}

	@Bean
	@ConditionalOnMissingBean(PusherOperations.class)
	@ConditionalOnBean(PusherTransport.class)
	PusherTemplate pusherTemplate(PusherTransport pusherTransport, PusherProperties properties,
			ObjectProvider<JsonMapper> jsonMapper, ObjectProvider<ChannelEncryption> encryption) {
		PusherProperties.Retry retry = properties.getRetry();
		RetryPolicy retryPolicy = RetryPolicy.builder()
			.maxRetries(retry.getMaxRetries())
			.delay(retry.getDelay())
			.multiplier(retry.getMultiplier())
			.maxDelay(retry.getMaxDelay())
			.build();
		return PusherTemplate.builder(pusherTransport)
			.jsonMapper(jsonMapper.getIfAvailable(JsonMapper::shared))
			.maxPayloadSize(properties.getLimits().getMaxPayloadSize())
			.encryption(encryption.getIfAvailable())
			.retryPolicy(retryPolicy)
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SignatureUtil.class, HttpClients.class, HttpAsyncClients.class })
	static class HttpTransportConfiguration {

		@Bean
		@ConditionalOnMissingBean(PusherTransport.class)
		HttpPusherTransport pusherTransport(PusherConnectionDetails connectionDetails, PusherProperties properties) {
			PusherProperties.Http http = properties.getHttp();
			return new HttpPusherTransport(connectionDetails.getCredentials(), connectionDetails.getEndpoint(),
					new HttpPusherTransport.Settings(http.getConnectTimeout(), http.getReadTimeout(),
							http.getMaxConnections()));
		}

	}

}
