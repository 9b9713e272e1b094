package io.pusherspring.integration.auth.docs;

import java.util.List;
import java.util.Map;

import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.integration.auth.Classroom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The user authentication guide's example: who a connection signs in as.
 */
@Configuration(proxyBeanMethods = false)
public class SignedInUsers {

	// tag::resolver[]
	// A signed-in connection carries the user's name and role, and follows the teacher.
	@Bean
	PusherUserResolver pusherUsers(Classroom classroom) {
		return (principal, request) -> classroom.user(principal.getName())
			.map((user) -> new PusherUser(user.id(), Map.of("name", user.name(), "role", user.role()), List.of("t-1")))
			.orElse(null);
	}
	// end::resolver[]

}
