package io.pusherspring.autoconfigure;

import io.pusherspring.core.PusherTransport;
import io.pusherspring.health.PusherHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for the {@link PusherHealthIndicator}: the {@code pusher} component
 * of the health endpoint, when Spring Boot's health support is on the class path.
 * Switched off by {@code management.health.pusher.enabled=false}.
 * <p>
 * The component is not added to the readiness group: a Pusher outage must not take the
 * application out of its load balancer, since the application still serves everything but
 * live updates, and publishing fails on its own with a {@code PusherException}.
 */
@AutoConfiguration(after = PusherAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class, PusherTransport.class })
@ConditionalOnSingleCandidate(PusherTransport.class)
@ConditionalOnEnabledHealthIndicator("pusher")
@EnableConfigurationProperties(PusherHealthProperties.class)
public final class PusherHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "pusherHealthIndicator", "pusherHealthContributor" })
	PusherHealthIndicator pusherHealthIndicator(PusherTransport pusherTransport, PusherHealthProperties properties) {
		return new PusherHealthIndicator(pusherTransport, properties.getCache().getTimeToLive());
	}

}
