package io.pusherspring.sample;

import java.util.Locale;

import io.pusherspring.autoconfigure.PusherProperties;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExceptionResolver;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Who may do what: everyone signs in (on the sign-in page in a browser, with HTTP Basic
 * from a script); teachers announce, run live sessions, send notes and see the roster;
 * students check in; Pusher's webhooks are let in, since the starter has verified their
 * signature before Spring Security sees them. The API (its own paths and the starter's
 * auth endpoints) answers 401 and 403 as a {@code ProblemDetail}; a browser that is not
 * signed in is sent to the sign-in page instead.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String REALM = "classroom";

	// where a browser's sign-in is kept
	private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	// tag::chain[]
	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, PusherProperties pusher,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver exceptionResolver) throws Exception {
		String webhookPath = pusher.getWebhook().getPath();
		RequestMatcher api = new OrRequestMatcher(pathPattern("/api/**"), pathPattern(pusher.getAuth().getPath()),
				pathPattern(pusher.getAuth().getUserPath()));
		RequestMatcher withoutSignedInSession = (request) -> !SESSIONS.containsContext(request);
		SecurityProblemDetails problems = new SecurityProblemDetails(exceptionResolver, REALM);
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/error", "/classroom.css", "/favicon.ico")
				.permitAll()
				.requestMatchers(HttpMethod.POST, webhookPath)
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/announcements", "/api/classes/*/announcements",
						"/api/sessions/*/start", "/api/sessions/*/end", "/api/users/*/notes", "/api/users/*/disconnect")
				.hasRole("TEACHER")
				.requestMatchers("/api/roster")
				.hasRole("TEACHER")
				.requestMatchers(HttpMethod.POST, "/api/sessions/*/check-ins")
				.hasRole("STUDENT")
				.anyRequest()
				.authenticated())
			// The page sends the XSRF-TOKEN cookie back as X-XSRF-TOKEN (also to
			// /pusher/auth). The token guards what the browser's signed-in session
			// authorizes, the one credential another site could make it send: an API
			// request without such a session (a script with HTTP Basic, or no
			// credentials at all) needs none, and reaches authentication, which answers
			// 401 if it has no credentials. Webhooks carry no token either.
			.csrf((csrf) -> csrf.spa()
				.ignoringRequestMatchers(webhookPath)
				.ignoringRequestMatchers(new AndRequestMatcher(api, withoutSignedInSession)))
			// Browsers sign in on the sign-in page (SignInController), scripts with
			// HTTP Basic. The API's refusals are ProblemDetails; a page that a
			// browser opens without being signed in sends it to the sign-in page.
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(problems))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(problems, api)
				.accessDeniedHandler(problems))
			.build();
	}
	// end::chain[]

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
