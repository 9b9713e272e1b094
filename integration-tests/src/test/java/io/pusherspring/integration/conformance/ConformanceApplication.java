package io.pusherspring.integration.conformance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
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
 * The application every conformance scenario runs through, whichever server it points at:
 * the starter's auth endpoints behind HTTP Basic, authorizers for rooms of every channel
 * type (any signed-in user may enter a room, except rooms whose name starts with
 * {@code closed}), and a webhook listener that remembers what it heard.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ConformanceApplication {

	/** The password of every user. */
	public static final String PASSWORD = "secret";

	/** The users. */
	public static final List<String> USERS = List.of("ada", "grace", "alan");

	@Bean
	UserDetailsService users() {
		return new InMemoryUserDetailsManager(USERS.stream()
			.map((name) -> User.withUsername(name).password("{noop}" + PASSWORD).roles("STUDENT").build())
			.toList());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.POST, "/pusher/webhooks")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/pusher/**"));
		return http.httpBasic(Customizer.withDefaults()).build();
	}

	@Bean
	Rooms rooms() {
		return new Rooms();
	}

	@Bean
	HeardWebhooks heardWebhooks() {
		return new HeardWebhooks();
	}

	/**
	 * Rooms of every channel type.
	 */
	static class Rooms {

		@PusherChannel("private-room-{room}")
		boolean privateRoom(@ChannelVariable("room") String room) {
			return isOpen(room);
		}

		@PusherChannel("private-encrypted-room-{room}")
		boolean encryptedRoom(@ChannelVariable("room") String room) {
			return isOpen(room);
		}

		@PusherChannel("private-cache-room-{room}")
		boolean cachedRoom(@ChannelVariable("room") String room) {
			return isOpen(room);
		}

		@PusherChannel("presence-room-{room}")
		@Nullable PresenceMember presenceRoom(Authentication user, @ChannelVariable("room") String room) {
			return isOpen(room) ? member(user) : null;
		}

		@PusherChannel("presence-cache-room-{room}")
		@Nullable PresenceMember cachedPresenceRoom(Authentication user, @ChannelVariable("room") String room) {
			return isOpen(room) ? member(user) : null;
		}

		private static boolean isOpen(String room) {
			return !room.startsWith("closed");
		}

		private static PresenceMember member(Authentication user) {
			String name = user.getName();
			return PresenceMember.of(name, Map.of("name", Character.toUpperCase(name.charAt(0)) + name.substring(1)));
		}

	}

	/**
	 * Every webhook event the application accepted, in the order it heard them. The first
	 * delivery of each event about a channel whose name contains {@code flaky} fails (the
	 * webhook endpoint answers 500), as a listener whose database is briefly down would.
	 */
	public static class HeardWebhooks {

		private final List<WebhookEvent> events = new CopyOnWriteArrayList<>();

		private final List<WebhookEvent> failed = new CopyOnWriteArrayList<>();

		private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

		@EventListener
		void on(WebhookEvent event) {
			String channel = event.channel();
			if (channel.contains("flaky") && this.failedOnce.add(event.id())) {
				this.failed.add(event);
				throw new IllegalStateException("The first delivery of a webhook about " + channel + " fails");
			}
			this.events.add(event);
		}

		/**
		 * The events accepted about one channel.
		 * @param channel the channel
		 * @return its events, in order
		 */
		public List<WebhookEvent> about(String channel) {
			return this.events.stream().filter((event) -> channel.equals(event.channel())).toList();
		}

		/**
		 * The events whose first delivery failed about one channel.
		 * @param channel the channel
		 * @return its failed events, in order
		 */
		public List<WebhookEvent> failedAbout(String channel) {
			return this.failed.stream().filter((event) -> channel.equals(event.channel())).toList();
		}

	}

}
