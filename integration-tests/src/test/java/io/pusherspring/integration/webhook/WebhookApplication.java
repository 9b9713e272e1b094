package io.pusherspring.integration.webhook;

import io.pusherspring.integration.webhook.docs.WebhookSecurity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

/**
 * An application that only listens for webhook events, with the starter's built-in
 * endpoint; it counts the body bytes read, before any other filter.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({ RecordedWebhookEvents.class, WebhookSecurity.class })
public class WebhookApplication {

	@Bean
	BodyCountingFilter bodyCountingFilter() {
		return new BodyCountingFilter();
	}

	@Bean
	FilterRegistrationBean<BodyCountingFilter> bodyCountingFilterRegistration(BodyCountingFilter filter) {
		FilterRegistrationBean<BodyCountingFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
