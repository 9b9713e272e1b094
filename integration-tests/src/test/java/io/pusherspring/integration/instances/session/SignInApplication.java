package io.pusherspring.integration.instances.session;

import java.util.Map;

import io.pusherspring.auth.ChannelAuthorizer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users sign in with a form and a session, as in a browser, and pusher-js then calls the
 * auth endpoint with the session cookie and Spring Security's default CSRF token, which
 * the session holds; the sessions are in the database, shared by every instance.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		// no application events to store: Spring Modulith's registry plays no part
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration" })
@EnableJdbcHttpSession
public class SignInApplication {

	static final String PASSWORD = "secret";

	@Bean
	static ChannelAuthorizer userChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
	}

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ada").password("{noop}" + PASSWORD).roles("STUDENT").build());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	/**
	 * The page's script reads the CSRF token here before it connects pusher-js.
	 */
	@RestController
	static class CsrfTokens {

		@GetMapping("/csrf")
		Map<String, String> csrf(CsrfToken token) {
			return Map.of("header", token.getHeaderName(), "token", token.getToken());
		}

	}

}
