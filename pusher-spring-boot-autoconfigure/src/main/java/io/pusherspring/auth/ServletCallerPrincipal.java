package io.pusherspring.auth;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

/**
 * The principal of the caller of a servlet auth endpoint: Spring Security's
 * {@link Authentication} when Spring Security is on the class path and has authenticated
 * the caller, else the servlet request's user principal. Anonymous callers have none.
 */
final class ServletCallerPrincipal {

	private static final boolean SPRING_SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.core.context.SecurityContextHolder",
			ServletCallerPrincipal.class.getClassLoader());

	private ServletCallerPrincipal() {
	}

	static @Nullable Principal of(HttpServletRequest request) {
		if (SPRING_SECURITY_PRESENT) {
			Authentication authentication = SpringSecurity.authentication();
			if (authentication != null) {
				return authentication;
			}
		}
		return request.getUserPrincipal();
	}

	/**
	 * Kept apart so that Spring Security's classes load only when they are present.
	 */
	private static final class SpringSecurity {

		private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

		static @Nullable Authentication authentication() {
			Authentication authentication = SecurityContextHolder.getContextHolderStrategy()
				.getContext()
				.getAuthentication();
			return (trustResolver.isAuthenticated(authentication)) ? authentication : null;
		}

	}

}
