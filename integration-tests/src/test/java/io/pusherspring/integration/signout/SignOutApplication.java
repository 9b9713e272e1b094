package io.pusherspring.integration.signout;

import java.util.Map;

import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.core.PusherOperations;

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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users sign in with a form and a session, as in a browser, and sign their Pusher
 * connections in with the session cookie; their Pusher user id is their account's, not
 * their login name, so that the sign-out has to ask the same resolver.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		// no application events to store: Spring Modulith's registry plays no part
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration" })
public class SignOutApplication {

	static final String PASSWORD = "secret";

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ada").password("{noop}" + PASSWORD).roles("STUDENT").build(),
				User.withUsername("alan").password("{noop}" + PASSWORD).roles("STUDENT").build(),
				User.withUsername("mallory").password("{noop}" + PASSWORD).roles("STUDENT").build());
	}

	// tag::refuse-banned[]
	@Bean
	PusherUserResolver pusherUsers(Bans bans) {
		// null refuses the sign-in: 403, and pusher-js does not sign the connection in
		return (principal, request) -> (principal != null && !bans.isBanned(principal.getName()))
				? PusherUser.of(pusherUserId(principal.getName())) : null;
	}
	// end::refuse-banned[]

	@Bean
	Bans bans(PusherOperations pusher) {
		return new Bans(pusher);
	}

	/**
	 * The Pusher user id of a login: the account's id, not the login name.
	 */
	static String pusherUserId(String login) {
		return "account-" + login;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests.requestMatchers("/error", "/csrf").permitAll().anyRequest().authenticated())
			.formLogin(Customizer.withDefaults())
			.build();
	}

	/**
	 * A page's script reads the CSRF token here.
	 */
	@RestController
	static class CsrfTokens {

		@GetMapping("/csrf")
		Map<String, String> csrf(CsrfToken token) {
			return Map.of("header", token.getHeaderName(), "token", token.getToken());
		}

	}

}
