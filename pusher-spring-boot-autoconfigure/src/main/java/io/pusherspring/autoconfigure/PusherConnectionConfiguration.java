package io.pusherspring.autoconfigure;

import io.pusherspring.core.ChannelEncryption;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The beans every feature signs and encrypts with: the {@link PusherConnectionDetails}
 * and, with {@code pusher.encryption-master-key}, the {@link ChannelEncryption}; and the
 * {@link PusherClientSettings} a front end connects with. Imported by
 * {@link PusherAutoConfiguration} and by {@link PusherAuthAutoConfiguration}, which a
 * {@code @WebMvcTest} slice applies without the former, so that both use the same beans.
 */
@Configuration(proxyBeanMethods = false)
class PusherConnectionConfiguration {

	@Bean
	@ConditionalOnMissingBean(PusherConnectionDetails.class)
	PropertiesPusherConnectionDetails pusherConnectionDetails(PusherProperties properties) {
		return new PropertiesPusherConnectionDetails(properties);
	}

	/**
	 * Lazy, since deriving the settings reads the app key: an application that never asks
	 * for them starts without credentials, as one with its own transport may.
	 */
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	PusherClientSettings pusherClientSettings(PusherConnectionDetails connectionDetails) {
		return PusherClientSettings.from(connectionDetails);
	}

	/**
	 * The key has been checked when the properties were bound.
	 */
	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("pusher.encryption-master-key")
	ChannelEncryption pusherChannelEncryption(PusherProperties properties) {
		String masterKey = properties.getEncryptionMasterKey();
		if (masterKey == null) {
			throw new IllegalStateException("pusher.encryption-master-key is not bound");
		}
		return new ChannelEncryption(masterKey);
	}

}
