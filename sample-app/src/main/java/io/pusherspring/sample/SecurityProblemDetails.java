package io.pusherspring.sample;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers Spring Security's refusals, 401 and 403, as a {@link ProblemDetail}
 * ({@code application/problem+json}), like every other error of the API: each is handed
 * to Spring MVC's exception handling (see {@link ApiErrorHandler}), which writes it as it
 * writes the 400s.
 */
final class SecurityProblemDetails implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String AJAX = "XMLHttpRequest";

	private final HandlerExceptionResolver exceptionResolver;

	private final String realm;

	SecurityProblemDetails(HandlerExceptionResolver exceptionResolver, String realm) {
		this.exceptionResolver = exceptionResolver;
		this.realm = realm;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		String detail = (ex instanceof BadCredentialsException) ? "Wrong user name or password"
				: "Sign in first: with HTTP Basic from a script, on the sign-in page in a browser";
		ErrorResponseException unauthorized = problem(HttpStatus.UNAUTHORIZED, detail, ex);
		// the page's own calls say so, and get no challenge that would make the browser
		// prompt for a password
		if (!AJAX.equals(request.getHeader("X-Requested-With"))) {
			unauthorized.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + this.realm + "\"");
		}
		answer(request, response, unauthorized);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String detail = (ex instanceof CsrfException)
				? "A signed-in page must send its CSRF token: the XSRF-TOKEN cookie's value as X-XSRF-TOKEN"
				: "Signed in, but not allowed to do this";
		answer(request, response, problem(HttpStatus.FORBIDDEN, detail, ex));
	}

	private void answer(HttpServletRequest request, HttpServletResponse response, ErrorResponseException error)
			throws IOException {
		if (this.exceptionResolver.resolveException(request, response, null, error) == null) {
			response.sendError(error.getStatusCode().value());
		}
	}

	private static ErrorResponseException problem(HttpStatus status, String detail, Exception cause) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), cause);
	}

}
