package io.pusherspring.autoconfigure;

import io.pusherspring.auth.PusherAuthHandlerMapping;
import io.pusherspring.auth.PusherAuthRequestFilter;
import io.pusherspring.auth.PusherAuthRequestWebFilter;
import io.pusherspring.auth.PusherAuthService;
import io.pusherspring.auth.PusherAuthWebFluxHandlerMapping;
import io.pusherspring.webhook.PusherWebhookEndpoint;
import io.pusherspring.webhook.PusherWebhookFilter;
import io.pusherspring.webhook.PusherWebhookWebFilter;
import io.pusherspring.webhook.PusherWebhookWebHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring WebFlux application gets the auth endpoints and the webhook filter with no
 * servlet API on its class path, and a servlet application keeps its own.
 */
class PusherWebFluxWithoutServletApiTests {

	private static final AutoConfigurations PUSHER = AutoConfigurations.of(JacksonAutoConfiguration.class,
			PusherAutoConfiguration.class, PusherWebhookAutoConfiguration.class, PusherAuthAutoConfiguration.class);

	@Test
	void definesTheReactiveAuthEndpointsAndWebhookFilterWithoutTheServletApi() {
		new ReactiveWebApplicationContextRunner().withConfiguration(PUSHER)
			.withClassLoader(new FilteredClassLoader("jakarta.servlet", "org.springframework.web.servlet"))
			.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(PusherAuthService.class)
					.hasSingleBean(PusherAuthWebFluxHandlerMapping.class)
					.hasSingleBean(PusherAuthRequestWebFilter.class)
					.hasSingleBean(PusherWebhookWebFilter.class)
					.hasSingleBean(PusherWebhookWebHandler.class)
					.doesNotHaveBean(PusherAuthHandlerMapping.class)
					.doesNotHaveBean(PusherAuthRequestFilter.class)
					.doesNotHaveBean(PusherWebhookFilter.class)
					.doesNotHaveBean(PusherWebhookEndpoint.class);
				assertThat(context.getBean(PusherAuthWebFluxHandlerMapping.class).getUrlMap())
					.containsOnlyKeys("/pusher/auth", "/pusher/user-auth");
				assertThat(context.getBean(PusherWebhookWebFilter.class).getPath()).isEqualTo("/pusher/webhooks");
			});
	}

	@Test
	void definesTheServletEndpointsAndFiltersInAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(PUSHER)
			.withPropertyValues("pusher.app-id=3", "pusher.key=key", "pusher.secret=secret")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PusherAuthHandlerMapping.class)
				.hasSingleBean(PusherAuthRequestFilter.class)
				.hasSingleBean(PusherWebhookFilter.class)
				.hasSingleBean(PusherWebhookEndpoint.class)
				.doesNotHaveBean(PusherAuthWebFluxHandlerMapping.class)
				.doesNotHaveBean(PusherAuthRequestWebFilter.class)
				.doesNotHaveBean(PusherWebhookWebFilter.class)
				.doesNotHaveBean(PusherWebhookWebHandler.class));
	}

}
