package io.pusherspring.auth;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;

/**
 * {@link AuthOverHttpApplication} in Spring WebFlux, on Reactor Netty: Spring Security's
 * WebFlux chain with HTTP Basic and CSRF protection on (the token in the
 * {@code XSRF-TOKEN} cookie, sent back as the {@code X-XSRF-TOKEN} header or the
 * {@code _csrf} form parameter), the auth paths open to anonymous callers, and the same
 * authorizers.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:auth-over-http.properties")
@Import(OverHttpAuthorizers.class)
class ReactiveAuthOverHttpApplication {

	/**
	 * Reactor Netty, whose event-loop threads BlockHound watches; Tomcat is on the test
	 * class path too.
	 */
	@Bean
	NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
		return new NettyReactiveWebServerFactory();
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		return http
			.authorizeExchange(
					(exchanges) -> exchanges.pathMatchers("/pusher/**").permitAll().anyExchange().authenticated())
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	// a lambda, not a MapReactiveUserDetailsService, so that the {noop} password is not
	// re-encoded with BCrypt
	@Bean
	ReactiveUserDetailsService users() {
		return (username) -> username.equals("ada")
				? Mono.just(User.withUsername("ada").password("{noop}secret").roles("USER").build()) : Mono.empty();
	}

}
