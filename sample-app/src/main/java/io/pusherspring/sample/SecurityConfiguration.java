package io.pusherspring.sample;

import java.util.Locale;

import io.pusherspring.autoconfigure.PusherProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what: everyone signs in (a form for browsers, HTTP Basic for scripts);
 * teachers announce, run live sessions, send notes and see the roster; Pusher's webhooks
 * are let in, since the starter has verified their signature before Spring Security sees
 * them.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PusherProperties pusher) throws Exception {
		String webhookPath = pusher.getWebhook().getPath();
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/error")
				.permitAll()
				.requestMatchers(HttpMethod.POST, webhookPath)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/announcements", "/api/classes/*/announcements",
						"/api/sessions/*/start", "/api/sessions/*/end", "/api/users/*/notes")
				.hasRole("TEACHER")
				.requestMatchers("/api/roster")
				.hasRole("TEACHER")
				.anyRequest()
				.authenticated())
			// The page sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN (also to
			// /pusher/auth). Webhooks carry no token; neither do scripts, which send
			// their credentials with every request, not a cookie another site could
			// make the browser send.
			.csrf((csrf) -> csrf.spa()
				.ignoringRequestMatchers(webhookPath)
				.ignoringRequestMatchers((request) -> request.getHeader(HttpHeaders.AUTHORIZATION) != null))
			.formLogin(Customizer.withDefaults())
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	@Bean
	UserDetailsService userDetailsService(ClassroomUsers users) {
		PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager();
		for (ClassroomUser user : users.all()) {
			manager.createUser(User.withUsername(user.id())
				.password(encoder.encode(demoPassword(user)))
				.roles(user.role().name())
				.build());
		}
		return manager;
	}

	// Demo users only: each one's password is their role, "teacher" or "student".
	static String demoPassword(ClassroomUser user) {
		return user.role().name().toLowerCase(Locale.ROOT);
	}

}
