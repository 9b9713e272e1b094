package io.pusherspring.integration.core.docs;

import java.net.URI;

import io.pusherspring.autoconfigure.PusherTemplateConfigurer;
import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherTemplate;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ReportsPusherConfiguration {

	@Bean(defaultCandidate = false)
	HttpPusherTransport reportsPusherTransport(HttpPusherTransport.Settings pusherHttpSettings,
			@Value("${reports.pusher.app-id}") String appId, @Value("${reports.pusher.key}") String key,
			@Value("${reports.pusher.secret}") String secret, @Value("${reports.pusher.endpoint}") URI endpoint) {
		return new HttpPusherTransport(new PusherCredentials(appId, key, secret), endpoint, pusherHttpSettings);
	}

	@Bean(defaultCandidate = false)
	PusherTemplate reportsPusherTemplate(@Qualifier("reportsPusherTransport") HttpPusherTransport transport,
			PusherTemplateConfigurer configurer) {
		return configurer.configure(PusherTemplate.builder(transport)).build();
	}

}
