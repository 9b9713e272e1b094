package io.pusherspring.integration.soketi.docs;

import io.pusherspring.core.PusherTransport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// tag::configuration[]
/**
 * Wraps the auto-configured {@link PusherTransport} in a {@link SoketiErrorStatus}, so
 * the template, the health indicator and everything else that talks to soketi see its
 * errors.
 */
@Configuration(proxyBeanMethods = false)
public class SoketiErrorStatusConfiguration {

	@Bean
	static BeanPostProcessor soketiErrorStatus() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof PusherTransport transport) ? new SoketiErrorStatus(transport) : bean;
			}

		};
	}

}
// end::configuration[]
