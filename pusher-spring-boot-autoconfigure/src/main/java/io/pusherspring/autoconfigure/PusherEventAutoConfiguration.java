package io.pusherspring.autoconfigure;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.event.DurablePusherBroadcastListener;
import io.pusherspring.event.DurablePusherBroadcastListenerFactory;
import io.pusherspring.event.PusherBroadcastListener;
import io.pusherspring.event.PusherEventAnnotationBeanPostProcessor;
import io.pusherspring.event.RequestHeaderSocketIdResolver;
import io.pusherspring.event.SocketIdResolver;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} for declarative broadcasting: methods annotated with
 * {@link io.pusherspring.event.PusherEvent @PusherEvent}, and application events that
 * implement {@link io.pusherspring.event.PusherBroadcast}. With Spring Modulith's event
 * publication registry in the context, broadcasts go through it and are durable.
 */
@AutoConfiguration(after = PusherAutoConfiguration.class,
		afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@ConditionalOnBooleanProperty(name = "pusher.events.enabled", matchIfMissing = true)
@ConditionalOnBean(PusherOperations.class)
@EnableConfigurationProperties(PusherProperties.class)
public final class PusherEventAutoConfiguration {

	private static final String INCOMPLETE_EVENT_PUBLICATIONS = "org.springframework.modulith.events.IncompleteEventPublications";

	@Bean
	@ConditionalOnMissingBean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static PusherEventAnnotationBeanPostProcessor pusherEventAnnotationBeanPostProcessor(Environment environment) {
		PusherEventAnnotationBeanPostProcessor postProcessor = new PusherEventAnnotationBeanPostProcessor();
		postProcessor
			.setProxyTargetClass(environment.getProperty("spring.aop.proxy-target-class", Boolean.class, true));
		// read from the environment: a post-processor is created before configuration
		// properties are bound
		postProcessor.setFailOnError(environment.getProperty("pusher.events.fail-on-error", Boolean.class, false));
		return postProcessor;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.web.context.request.RequestContextHolder",
			"jakarta.servlet.http.HttpServletRequest" })
	static class ServletSocketIdConfiguration {

		@Bean
		@ConditionalOnMissingBean(SocketIdResolver.class)
		RequestHeaderSocketIdResolver pusherSocketIdResolver(PusherProperties properties) {
			return new RequestHeaderSocketIdResolver(properties.getEvents().getSocketIdHeader());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(type = INCOMPLETE_EVENT_PUBLICATIONS)
	static class BroadcastConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PusherBroadcastListener pusherBroadcastListener(ObjectProvider<PusherOperations> pusherOperations,
				ApplicationEventPublisher eventPublisher, PusherProperties properties) {
			return new PusherBroadcastListener(pusherOperations::getObject, eventPublisher,
					properties.getEvents().isFailOnError());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { INCOMPLETE_EVENT_PUBLICATIONS,
			"org.springframework.transaction.event.TransactionalEventListener" })
	@ConditionalOnBean(type = INCOMPLETE_EVENT_PUBLICATIONS)
	static class DurableBroadcastConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DurablePusherBroadcastListener durablePusherBroadcastListener(ObjectProvider<PusherOperations> pusherOperations,
				ApplicationEventPublisher eventPublisher) {
			return new DurablePusherBroadcastListener(pusherOperations::getObject, eventPublisher);
		}

		@Bean
		@ConditionalOnMissingBean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static DurablePusherBroadcastListenerFactory durablePusherBroadcastListenerFactory() {
			return new DurablePusherBroadcastListenerFactory();
		}

	}

}
