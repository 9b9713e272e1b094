package io.pusherspring.test.app;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.stereotype.Component;

/**
 * The test application's stand-in for a login: every request without a user is made by
 * user 42, Ada.
 *
 * @author pusher-spring-boot
 */
@Component
public class SignedInAsAda implements Filter {

	private static final Principal ADA = () -> "42";

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest http = (HttpServletRequest) request;
		chain.doFilter((http.getUserPrincipal() != null) ? http : new HttpServletRequestWrapper(http) {

			@Override
			public Principal getUserPrincipal() {
				return ADA;
			}

		}, response);
	}

}
