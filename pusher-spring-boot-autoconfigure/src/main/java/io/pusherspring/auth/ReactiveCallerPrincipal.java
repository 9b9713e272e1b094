package io.pusherspring.auth;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.ClassUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * The principal of the caller of a Spring WebFlux auth endpoint: Spring Security's
 * {@link Authentication} from the {@link ReactiveSecurityContextHolder} when Spring
 * Security is on the class path and has authenticated the caller, else the exchange's
 * principal. Anonymous callers have none (an empty {@link Mono}).
 */
final class ReactiveCallerPrincipal {

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.ReactiveSecurityContextHolder",
			ReactiveCallerPrincipal.class.getClassLoader());

	private ReactiveCallerPrincipal() {
	}

	static Mono<Principal> of(ServerWebExchange exchange) {
		if (SPRING_SECURITY_PRESENT) {
			return SpringSecurity.authentication()
				.cast(Principal.class)
				.switchIfEmpty(
						exchange.getPrincipal().filter((principal) -> !SpringSecurity.isUnauthenticated(principal)));
		}
		return exchange.getPrincipal();
	}

	/**
	 * Kept apart so that Spring Security's classes load only when they are present.
	 */
	private static final class SpringSecurity {

		private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

		static Mono<Authentication> authentication() {
			return ReactiveSecurityContextHolder.getContext()
				.mapNotNull(SecurityContext::getAuthentication)
				.filter(trustResolver::isAuthenticated);
		}

		static boolean isUnauthenticated(Principal principal) {
			return principal instanceof Authentication authentication && !trustResolver.isAuthenticated(authentication);
		}

	}

}
