package io.pusherspring.integration.local;

import java.util.Map;
import java.util.Set;

import io.pusherspring.auth.ChannelVariable;
import io.pusherspring.auth.PresenceMember;
import io.pusherspring.auth.PusherChannel;
import io.pusherspring.auth.PusherUser;
import io.pusherspring.auth.PusherUserResolver;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * {@link LiveClassroomApplication} as a Spring WebFlux application on Reactor Netty: the
 * same users and classes, Spring Security's WebFlux chain with HTTP Basic, and
 * {@link PusherChannel @PusherChannel} methods that answer with a {@link Mono}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ReactiveLiveClassroomApplication {

	/** Reactor Netty; Tomcat is on the test class path too. */
	@Bean
	NettyReactiveWebServerFactory nettyReactiveWebServerFactory() {
		return new NettyReactiveWebServerFactory();
	}

	@Bean
	MapReactiveUserDetailsService users() {
		return new MapReactiveUserDetailsService(
				User.withUsername("ada")
					.password("{noop}" + LiveClassroomApplication.PASSWORD)
					.roles("STUDENT")
					.build(),
				User.withUsername("grace")
					.password("{noop}" + LiveClassroomApplication.PASSWORD)
					.roles("TEACHER")
					.build(),
				User.withUsername("alan")
					.password("{noop}" + LiveClassroomApplication.PASSWORD)
					.roles("STUDENT")
					.build());
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
		// the clients send HTTP Basic credentials with each auth request, not cookies
		return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	PusherUserResolver pusherUsers() {
		return (principal, request) -> (principal != null) ? PusherUser.of(principal.getName()) : null;
	}

	@Bean
	ReactiveClassChannels reactiveClassChannels() {
		return new ReactiveClassChannels();
	}

	/**
	 * Members of a class may listen to it and join its presence room, decided reactively.
	 */
	static class ReactiveClassChannels {

		@PusherChannel("private-class-{classId}")
		Mono<Boolean> classChannel(Authentication user, @ChannelVariable("classId") String classId) {
			return Mono.fromSupplier(() -> isMember(user, classId));
		}

		@PusherChannel("presence-class-{classId}")
		Mono<PresenceMember> classRoom(Authentication user, @ChannelVariable("classId") String classId) {
			return isMember(user, classId)
					? Mono.just(PresenceMember.of(user.getName(), Map.of("name", user.getName()))) : Mono.empty();
		}

		private static boolean isMember(Authentication user, String classId) {
			return LiveClassroomApplication.CLASSES.getOrDefault(classId, Set.of()).contains(user.getName());
		}

	}

}
