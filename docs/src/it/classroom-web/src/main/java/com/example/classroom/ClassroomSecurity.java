package com.example.classroom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
public class ClassroomSecurity {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http,
			@Value("${pusher.webhook.path:/pusher/webhooks}") String webhookPath) throws Exception {
		return http
			.authorizeHttpRequests((requests) -> requests
				// Pusher has no session: the starter has verified the webhook's signature already
				.requestMatchers(HttpMethod.POST, webhookPath)
				.permitAll()
				.requestMatchers("/error")
				.permitAll()
				.anyRequest()
				.authenticated())
			// pusher-js sends the XSRF-TOKEN cookie's value as X-XSRF-TOKEN to /pusher/auth;
			// Pusher sends no CSRF token with its webhooks
			.csrf((csrf) -> csrf.spa().ignoringRequestMatchers(webhookPath))
			.formLogin(Customizer.withDefaults())
			.build();
	}

}
