package io.pusherspring.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Pusher health indicator ({@code management.health.pusher.*}).
 */
@ConfigurationProperties("management.health.pusher")
public class PusherHealthProperties {

	/**
	 * Whether to check that Pusher answers, as the pusher component of the health
	 * endpoint.
	 */
	private boolean enabled = true;

	private final Cache cache = new Cache();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Cache getCache() {
		return this.cache;
	}

	/**
	 * Caching of the health check's answer.
	 */
	public static class Cache {

		/**
		 * How long the answer of one check is kept before Pusher is asked again.
		 */
		private Duration timeToLive = Duration.ofSeconds(10);

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

	}

}
