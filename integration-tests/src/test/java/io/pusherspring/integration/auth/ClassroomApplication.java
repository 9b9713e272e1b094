package io.pusherspring.integration.auth;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The classroom application of the auth tests: its channels, its security (JWT bearer
 * tokens, and HTTP Basic with a session for the CSRF tests), and the test identity
 * provider.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ Classroom.class, ClassroomChannels.class, ClassroomSecurity.class, TestJwts.class })
public class ClassroomApplication {

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("s-2").password("{noop}secret").roles("STUDENT").build());
	}

}
