package io.pusherspring.autoconfigure;

import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.ReactivePusherOperations;
import io.pusherspring.core.ReactivePusherTemplate;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for publishing from reactive code: when Reactor is on the class
 * path, a {@link ReactivePusherTemplate} over the application's {@link PusherTemplate},
 * sharing its transport, settings, listeners and observations, and sending on the
 * transport's non-blocking client.
 */
@AutoConfiguration(after = PusherAutoConfiguration.class)
@ConditionalOnClass({ Mono.class, PusherTemplate.class })
@ConditionalOnSingleCandidate(PusherTemplate.class)
public final class PusherReactiveAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactivePusherOperations.class)
	ReactivePusherTemplate reactivePusherTemplate(PusherTemplate pusherTemplate) {
		return new ReactivePusherTemplate(pusherTemplate);
	}

}
