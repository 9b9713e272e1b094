package io.pusherspring.benchmarks.authwebflux;

import java.util.List;

import io.pusherspring.auth.ChannelAuthorizer;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The WebFlux application both endpoints run in: the starter's {@code /pusher/auth} with
 * 20 registered authorizers, and {@link HandWrittenAuthHandler} beside it at
 * {@code /handwritten/auth}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuthWebFluxBenchmarkApplication {

	/** The domains of the 20 channel patterns; requests go to the last one. */
	static final List<String> DOMAINS = List.of("user", "class", "school", "course", "lesson", "quiz", "exam", "grade",
			"team", "club", "library", "office", "staff", "parent", "notice", "event", "trip", "room", "device",
			"agent");

	/** The channel every request asks for: matched by the pattern searched last. */
	static final String CHANNEL = "private-agent-3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65";

	@Bean
	static BeanFactoryPostProcessor twentyAuthorizers() {
		return (beanFactory) -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			for (String domain : DOMAINS) {
				String pattern = channelPrefix(domain) + "{id}";
				registry.registerBeanDefinition(domain + "Channels", new RootBeanDefinition(ChannelAuthorizer.class,
						() -> ChannelAuthorizer.allowIf(pattern, (context) -> !context.variable("id").isEmpty())));
			}
		};
	}

	@Bean
	RouterFunction<ServerResponse> handWrittenAuth() {
		HandWrittenAuthHandler handler = new HandWrittenAuthHandler(AuthWebFluxEndpointBenchmark.KEY,
				AuthWebFluxEndpointBenchmark.SECRET);
		return RouterFunctions.route().POST("/handwritten/auth", handler::auth).build();
	}

	/** The text before {@code {id}} in a domain's channel pattern. */
	static String channelPrefix(String domain) {
		return domain.equals("agent") ? "private-" : "private-" + domain + "-";
	}

}
