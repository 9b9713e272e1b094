package io.pusherspring.integration.instances.ratelimit;

import io.pusherspring.auth.ChannelAuthorizer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application whose users subscribe to lesson channels, run as several instances; the
 * test adds the configuration that shares the auth rate limit.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		// no application events to store: Spring Modulith's registry plays no part
		"org.springframework.modulith.events.config.EventPublicationAutoConfiguration",
		"org.springframework.modulith.events.jdbc.JdbcEventPublicationAutoConfiguration" })
public class LessonsApplication {

	static final String PASSWORD = "secret";

	@Bean
	static ChannelAuthorizer lessonChannels() {
		return ChannelAuthorizer.allowIf("private-lesson-{lessonId}", (context) -> true);
	}

	// Every user name signs in with the same password: each test uses its own users.
	@Bean
	UserDetailsService users() {
		return (name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("STUDENT").build();
	}

	// Callers send their credentials with every request and hold no session: no CSRF
	// token.
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic(Customizer.withDefaults())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
