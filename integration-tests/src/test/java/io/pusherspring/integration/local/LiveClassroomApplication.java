package io.pusherspring.integration.local;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.webhook.WebhookEvent;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A live classroom whose browsers and apps connect to a Pusher-protocol server: the
 * starter's real auth endpoints behind HTTP Basic, channel authorizers for classes and
 * their presence rooms, users who watch their classmates, and webhook listeners that
 * remember what they heard.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class LiveClassroomApplication {

	/** The password of every user. */
	static final String PASSWORD = "secret";

	/** Who is in which class. */
	static final Map<String, Set<String>> CLASSES = Map.of("7", Set.of("ada", "grace", "alan"), "8", Set.of("alan"));

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(
				User.withUsername("ada").password("{noop}" + PASSWORD).roles("STUDENT").build(),
				User.withUsername("grace").password("{noop}" + PASSWORD).roles("TEACHER").build(),
				User.withUsername("alan").password("{noop}" + PASSWORD).roles("STUDENT").build());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		// Pusher's webhooks carry a signature instead of a session; the clients here send
		// HTTP Basic credentials with each auth request, not cookies, so need no CSRF
		// token
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/pusher/webhooks")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/pusher/**"));
		return http.httpBasic(Customizer.withDefaults()).build();
	}

	// tag::watchlist[]
	@Bean
	PusherUserResolver pusherUsers() {
		// everyone watches their classmates: a teacher sees which students are online
		return (principal, request) -> (principal != null)
				? new PusherUser(principal.getName(), Map.of(), classmates(principal.getName())) : null;
	}
	// end::watchlist[]

	/**
	 * The other members of a user's classes, by name.
	 */
	static List<String> classmates(String user) {
		return CLASSES.values()
			.stream()
			.filter((members) -> members.contains(user))
			.flatMap(Set::stream)
			.filter((member) -> !member.equals(user))
			.distinct()
			.sorted()
			.toList();
	}

	@Bean
	ClassChannels classChannels() {
		return new ClassChannels();
	}

	@Bean
	HeardWebhooks heardWebhooks() {
		return new HeardWebhooks();
	}

	/**
	 * Members of a class may listen to it and join its presence room.
	 */
	static class ClassChannels {

		@PusherChannel("private-class-{classId}")
		boolean classChannel(Authentication user, @ChannelVariable("classId") String classId) {
			return isMember(user, classId);
		}

		@PusherChannel("presence-class-{classId}")
		@Nullable PresenceMember classRoom(Authentication user, @ChannelVariable("classId") String classId) {
			return isMember(user, classId) ? PresenceMember.of(user.getName(), Map.of("name", capitalized(user)))
					: null;
		}

		private static boolean isMember(Authentication user, String classId) {
			return CLASSES.getOrDefault(classId, Set.of()).contains(user.getName());
		}

		private static String capitalized(Authentication user) {
			return Character.toUpperCase(user.getName().charAt(0)) + user.getName().substring(1);
		}

	}

	/**
	 * Every webhook event the application heard, in order.
	 */
	static class HeardWebhooks {

		private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(WebhookEvent event) {
			this.events.add(event);
		}

		List<WebhookEvent> events() {
			return List.copyOf(this.events);
		}

		void clear() {
			this.events.clear();
		}

	}

}
