package io.pusherspring.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the Pusher health indicator ({@code management.health.pusher.*}).
 * Checked once bound, as {@link PusherProperties} is.
 */
@ConfigurationProperties("management.health.pusher")
public class PusherHealthProperties implements InitializingBean {

	/**
	 * Whether to check that Pusher answers, as the pusher component of the health
	 * endpoint.
	 */
	private boolean enabled = true;

	private final Cache cache = new Cache();

	/**
	 * {@return whether to check that Pusher answers, as the pusher component of the
	 * health endpoint}
	 */
	public boolean isEnabled() {
		return this.enabled;
	}

	/**
	 * Sets whether to check that Pusher answers, as the pusher component of the health
	 * endpoint.
	 * @param enabled whether to check that Pusher answers, as the pusher component of the
	 * health endpoint
	 */
	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	/**
	 * {@return the caching of the health check's answer}
	 */
	public Cache getCache() {
		return this.cache;
	}

	/**
	 * Check the values.
	 * @throws InvalidConfigurationPropertyValueException if the cache's time to live is
	 * negative
	 */
	@Override
	public void afterPropertiesSet() {
		Duration timeToLive = this.cache.getTimeToLive();
		if (timeToLive == null || timeToLive.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("management.health.pusher.cache.time-to-live",
					timeToLive, "Use zero (no cache) or a positive duration, such as 10s.");
		}
	}

	/**
	 * Caching of the health check's answer.
	 */
	public static class Cache {

		/**
		 * How long the answer of one check is kept before Pusher is asked again.
		 */
		private Duration timeToLive = Duration.ofSeconds(10);

		/**
		 * {@return how long the answer of one check is kept before Pusher is asked again}
		 */
		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		/**
		 * Sets how long the answer of one check is kept before Pusher is asked again.
		 * @param timeToLive how long the answer of one check is kept before Pusher is
		 * asked again
		 */
		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

}
