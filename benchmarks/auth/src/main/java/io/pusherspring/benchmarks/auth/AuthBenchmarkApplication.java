package io.pusherspring.benchmarks.auth;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.benchmarks.support.AuthScenario;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The application both endpoints run in: the starter's {@code /pusher/auth} with 20
 * registered authorizers, and {@link HandWrittenAuthController} beside it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(HandWrittenAuthController.class)
public class AuthBenchmarkApplication {

	@Bean
	static BeanFactoryPostProcessor twentyAuthorizers() {
		return (beanFactory) -> {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) beanFactory;
			for (String domain : AuthScenario.DOMAINS) {
				String pattern = AuthScenario.channelPrefix(domain) + "{id}";
				registry.registerBeanDefinition(domain + "Channels", new RootBeanDefinition(ChannelAuthorizer.class,
						() -> ChannelAuthorizer.allowIf(pattern, (context) -> !context.variable("id").isEmpty())));
			}
		};
	}

}
