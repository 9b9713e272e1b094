package io.pusherspring.benchmarks.authwebflux;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.benchmarks.support.AuthScenario;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The WebFlux application the endpoints run in: the starter's {@code /pusher/auth} with
 * 20 registered authorizers, declared {@link ChannelAuthorizer#nonBlocking() never to
 * block} unless {@code benchmark.authorizers-may-block} is set, and
 * {@link HandWrittenAuthHandler} beside it at {@code /handwritten/auth}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuthWebFluxBenchmarkApplication {

	/**
	 * Whether the authorizers are left as they may block, as every authorizer is at
	 * first.
	 */
	static final String MAY_BLOCK = "benchmark.authorizers-may-block";

	@Bean
	static BeanFactoryPostProcessor twentyAuthorizers(Environment environment) {
		boolean mayBlock = environment.getProperty(MAY_BLOCK, Boolean.class, false);
		return (beanFactory) -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			for (String domain : AuthScenario.DOMAINS) {
				String pattern = AuthScenario.channelPrefix(domain) + "{id}";
				registry.registerBeanDefinition(domain + "Channels",
						new RootBeanDefinition(ChannelAuthorizer.class, () -> authorizer(pattern, mayBlock)));
			}
		};
	}

	private static ChannelAuthorizer authorizer(String pattern, boolean mayBlock) {
		ChannelAuthorizer authorizer = ChannelAuthorizer.allowIf(pattern,
				(context) -> !context.variable("id").isEmpty());
		return mayBlock ? authorizer : authorizer.nonBlocking();
	}

	@Bean
	RouterFunction<ServerResponse> handWrittenAuth() {
		HandWrittenAuthHandler handler = new HandWrittenAuthHandler(AuthScenario.KEY, AuthScenario.SECRET);
		return RouterFunctions.route().POST("/handwritten/auth", handler::auth).build();
	}

}
