package io.pusherspring.auth;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * An application served by a real Tomcat for the tests of the auth endpoints over HTTP:
 * Spring Security with HTTP Basic and CSRF protection on (the token in the
 * {@code XSRF-TOKEN} cookie, sent back as the {@code X-XSRF-TOKEN} header or the
 * {@code _csrf} form parameter), the auth paths open to anonymous callers, and the
 * authorizers of {@link OverHttpAuthorizers}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:auth-over-http.properties")
@Import(OverHttpAuthorizers.class)
class AuthOverHttpApplication {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(
				(requests) -> requests.requestMatchers("/error", "/pusher/**").permitAll().anyRequest().authenticated())
			.csrf((csrf) -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	// Not an InMemoryUserDetailsManager: as a UserDetailsPasswordService it would have
	// the
	// {noop} password re-encoded with BCrypt, and every request would pay for BCrypt.
	@Bean
	UserDetailsService users() {
		return (username) -> {
			if (!username.equals("ada")) {
				throw new UsernameNotFoundException("No such user");
			}
			return User.withUsername("ada").password("{noop}secret").roles("USER").build();
		};
	}

}
