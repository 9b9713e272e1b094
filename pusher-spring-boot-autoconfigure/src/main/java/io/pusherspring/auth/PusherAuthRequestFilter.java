package io.pusherspring.auth;

import java.io.IOException;

import io.micrometer.observation.Observation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards the two auth paths, ahead of Spring Security and Spring MVC, so that nothing
 * downstream fails on a body it cannot parse (the container's form parsing, which Spring
 * Security's {@code CsrfFilter} triggers, and Spring MVC's multipart resolution).
 * <p>
 * A {@code POST} is read once, within 8KB, and decoded strictly by
 * {@link AuthRequestDecoder}: a {@code Content-Type} other than a form or JSON is refused
 * with 415 before its body is read, a body over the limit with 413, one that cannot be
 * decoded (or a query string the container cannot parse) with 400. A request that decodes
 * goes on, as a request whose form parameters are the decoded ones and whose body can be
 * read again, through the application's filters (authentication, CSRF, CORS) to the
 * endpoint. Another method goes on untouched (the endpoint answers 405, and a CORS
 * preflight reaches the application's CORS configuration), unless it carries a
 * {@code Content-Type}: then it is refused here with 405.
 * <p>
 * Refusals get the endpoints' short JSON error, are observed like the endpoints'
 * requests, and are logged as at most one WARN line each, without the request's content
 * and rate limited. Requests to other paths pass untouched.
 */
public final class PusherAuthRequestFilter extends OncePerRequestFilter {

	private final PusherAuthService service;

	private final AuthPaths paths;

	private final AuthRefusalLog refusals = new AuthRefusalLog(this.logger);

	/**
	 * Create a filter.
	 * @param service the service whose observation registry records the refusals
	 * @param path the channel authorization path, within the application (with the
	 * dispatcher servlet's path, if any)
	 * @param userPath the user authentication path, within the application
	 */
	public PusherAuthRequestFilter(PusherAuthService service, String path, String userPath) {
		Assert.notNull(service, "'service' must not be null");
		this.service = service;
		this.paths = new AuthPaths(path, userPath);
	}

	/**
	 * The channel authorization path this filter guards.
	 * @return the path within the application
	 */
	public String getPath() {
		return this.paths.path();
	}

	/**
	 * The user authentication path this filter guards.
	 * @return the path within the application
	 */
	public String getUserPath() {
		return this.paths.userPath();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return kind(request) == null;
	}

	private @Nullable Kind kind(HttpServletRequest request) {
		return this.paths.kindOf(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Kind kind = kind(request);
		Assert.state(kind != null, "Only the auth paths are filtered");
		if (!HttpMethod.POST.matches(request.getMethod())) {
			if (request.getContentType() == null) {
				chain.doFilter(request, response);
				return;
			}
			response.setHeader(HttpHeaders.ALLOW, HttpMethod.POST.name());
			refuse(kind, request, response, new Refusal(405, "Use POST"));
			return;
		}
		ServletAuthBody body = ServletAuthBody.read(request);
		if (body.decoding() instanceof Refusal refusal) {
			refuse(kind, request, response, refusal);
			return;
		}
		if (!hasReadableQuery(request)) {
			refuse(kind, request, response, new Refusal(400, "Malformed query string"));
			return;
		}
		chain.doFilter(new DecodedAuthRequest(request, body.bytes(), ((Fields) body.decoding()).formParameters()),
				response);
	}

	/**
	 * Whether the container can parse the query string, which the request's parameters
	 * include. The body has been read, so the container parses the query string alone; it
	 * fails now, where the answer is 400, or never.
	 */
	private static boolean hasReadableQuery(HttpServletRequest request) {
		try {
			request.getParameterMap();
			return true;
		}
		catch (RuntimeException ex) {
			// Tomcat's InvalidParameterException, Jetty's BadMessageException
			return false;
		}
	}

	private void refuse(Kind kind, HttpServletRequest request, HttpServletResponse response, Refusal refusal)
			throws IOException {
		PusherAuthObservationContext context = new PusherAuthObservationContext(kind, ServletAuthRequest.of(request));
		Observation observation = this.service.observations().observation(context).start();
		try {
			this.refusals.refused(kind, request.getRemoteAddr(), refusal.status(), refusal.reason());
			context.setStatus(refusal.status());
			PusherAuthEndpoint.write(response, AuthResponse.refused(refusal.status(), refusal.reason()));
		}
		finally {
			observation.stop();
		}
	}

	@Override
	public String toString() {
		return "PusherAuthRequestFilter[" + this.paths + "]";
	}

}
