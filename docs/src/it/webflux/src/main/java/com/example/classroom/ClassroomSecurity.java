package com.example.classroom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

@Configuration(proxyBeanMethods = false)
public class ClassroomSecurity {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			@Value("${pusher.webhook.path:/pusher/webhooks}") String webhookPath) {
		return http
			.authorizeExchange((exchanges) -> exchanges
				// Pusher has no session: the starter has verified the webhook's signature already
				.pathMatchers(HttpMethod.POST, webhookPath)
				.permitAll()
				.anyExchange()
				.authenticated())
			// pusher-js sends the XSRF-TOKEN cookie's value as X-XSRF-TOKEN to /pusher/auth;
			// Pusher sends no CSRF token with its webhooks
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(CsrfWebFilter.DEFAULT_CSRF_MATCHER,
						new NegatedServerWebExchangeMatcher(
								ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, webhookPath)))))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

}
