package io.pusherspring.auth;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.pusherspring.autoconfigure.PusherAuthAutoConfiguration;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.core.Authentication;

/**
 * Authorizers for the endpoint tests: one per behaviour under test.
 */
@Configuration(proxyBeanMethods = false)
class AuthTestConfiguration {

	static final UUID MATHS = UUID.fromString("3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65");

	static final String KEY = "278d425bdf160c739803";

	static final String SECRET = "7ad3773142a6692b25b8";

	/**
	 * A servlet web application with Spring MVC, the Pusher auto-configurations, these
	 * authorizers, and the credentials of Pusher's documented signing vectors.
	 * @return the runner
	 */
	static WebApplicationContextRunner webApplication() {
		return new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
					HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
					PusherAutoConfiguration.class, PusherAuthAutoConfiguration.class))
			.withUserConfiguration(AuthTestConfiguration.class)
			.withPropertyValues("pusher.app-id=3", "pusher.key=" + KEY, "pusher.secret=" + SECRET);
	}

	@Bean
	ChannelAuthorizer userChannels() {
		return ChannelAuthorizer.allowIf("private-user-{userId}",
				(context) -> context.variable("userId").equals(context.userName()));
	}

	@Bean
	ChannelAuthorizer sessionPresence() {
		return ChannelAuthorizer.presence("presence-session-{sessionId}", (context) -> PresenceMember
			.of(context.userName(), Map.of("name", "Zoë \"Zed\" Ünal", "avatar", "/a/42.png", "role", "student")));
	}

	@Bean
	ChannelAuthorizer foobar() {
		return ChannelAuthorizer.permitAll("private-foobar");
	}

	@Bean
	ChannelAuthorizer lobby() {
		return ChannelAuthorizer.permitAll("presence-lobby");
	}

	@Bean
	ChannelAuthorizer encryptedChannels() {
		return ChannelAuthorizer.permitAll("private-encrypted-{name}");
	}

	@Bean
	ChannelAuthorizer brokenChannels() {
		return ChannelAuthorizer.of("private-broken-{id}", (context) -> {
			throw new IllegalStateException("database down at /var/secret");
		});
	}

	@Bean
	ChannelAuthorizer hugeMembers() {
		return ChannelAuthorizer.presence("presence-huge-{id}",
				(context) -> PresenceMember.of("42", Map.of("bio", "x".repeat(1100))));
	}

	@Bean
	ChannelAuthorizer longIdMembers() {
		return ChannelAuthorizer.presence("presence-long-{id}", (context) -> PresenceMember.of("7".repeat(129)));
	}

	@Bean
	ChannelAuthorizer staffChannels() {
		return new AuthorizationManagerChannelAuthorizer("private-staff-{room}",
				AuthorityAuthorizationManager.hasRole("TEACHER"));
	}

	@Bean
	ClassChannels classChannels() {
		return new ClassChannels();
	}

	@Bean
	RecordedDecisions recordedDecisions() {
		return new RecordedDecisions();
	}

	static class ClassChannels {

		private final Map<UUID, Set<String>> members = Map.of(MATHS, Set.of("42", "teacher"));

		@PusherChannel("private-tenant-{tenant}")
		boolean tenant(@ChannelVariable String tenant, AuthRequest request,
				@Nullable HttpServletRequest servletRequest) {
			boolean sameInServletRequest = (servletRequest == null)
					|| tenant.equals(servletRequest.getHeader("X-Tenant"));
			return tenant.equals(request.getHeader("X-Tenant")) && sameInServletRequest;
		}

		@PusherChannel("private-class-{classId}")
		boolean classChannel(@ChannelVariable("classId") UUID classId, Principal principal) {
			return this.members.getOrDefault(classId, Set.of()).contains(principal.getName());
		}

		@PusherChannel("presence-room-{roomId}")
		@Nullable PresenceMember room(@ChannelVariable Long roomId, ChannelAuthorizationContext context,
				@Nullable Authentication authentication) {
			if (roomId > 100) {
				return null;
			}
			String via = (authentication != null) ? "spring-security" : "servlet";
			return PresenceMember.of(context.userName(), Map.of("room", roomId, "via", via));
		}

	}

	static class RecordedDecisions {

		private final List<PusherAuthorizationEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PusherAuthorizationEvent event) {
			this.events.add(event);
		}

		List<PusherAuthorizationEvent> events() {
			return this.events;
		}

		PusherAuthorizationEvent last() {
			return this.events.get(this.events.size() - 1);
		}

	}

}
