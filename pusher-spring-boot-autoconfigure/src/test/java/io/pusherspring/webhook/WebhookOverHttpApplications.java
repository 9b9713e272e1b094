package io.pusherspring.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.tck.TestObservationRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Applications that receive webhooks over real HTTP, one per web stack (Spring MVC on
 * Tomcat, Spring WebFlux on Reactor Netty), with Spring Security's chain on (the webhook
 * path open to all, CSRF protection off for it) and a listener that records every entry
 * and throws on the channel {@value #FAILING_CHANNEL}.
 */
final class WebhookOverHttpApplications {

	static final String FAILING_CHANNEL = "private-listener-fails";

	private WebhookOverHttpApplications() {
	}

	enum Stack {

		MVC(ServletApplication.class, WebApplicationType.SERVLET),

		WEBFLUX(ReactiveApplication.class, WebApplicationType.REACTIVE);

		private final Class<?> application;

		private final WebApplicationType type;

		Stack(Class<?> application, WebApplicationType type) {
			this.application = application;
			this.type = type;
		}

		ConfigurableApplicationContext start(String... properties) {
			SpringApplication application = new SpringApplication(this.application);
			application.setWebApplicationType(this.type);
			String[] args = new String[properties.length + 6];
			args[0] = "--server.port=0";
			args[1] = "--spring.main.banner-mode=off";
			args[2] = "--pusher.app-id=3";
			args[3] = "--pusher.key=" + SignedWebhooks.KEY;
			args[4] = "--pusher.secret=" + SignedWebhooks.SECRET;
			args[5] = "--pusher.webhook.max-body-size=2KB";
			for (int i = 0; i < properties.length; i++) {
				args[6 + i] = "--" + properties[i];
			}
			return application.run(args);
		}

	}

	/** The entries the listener heard, in order. */
	static final class ReceivedEntries {

		final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(WebhookEvent event) {
			this.events.add(event);
			if (event instanceof ChannelOccupied occupied && occupied.channel().equals(FAILING_CHANNEL)) {
				throw new IllegalStateException("listener failed");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Common {

		@Bean
		ReceivedEntries receivedEntries() {
			return new ReceivedEntries();
		}

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Common.class)
	static class ServletApplication {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.csrf((csrf) -> csrf.ignoringRequestMatchers("/pusher/webhooks"))
				.build();
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Common.class)
	static class ReactiveApplication {

		/** Reactor Netty; Tomcat is on the test class path too. */
		@Bean
		NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
			return new NettyReactiveWebServerFactory();
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

	}

}
