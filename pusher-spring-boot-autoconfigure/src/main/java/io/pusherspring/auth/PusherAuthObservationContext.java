package io.pusherspring.auth;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.util.Assert;

/**
 * What the observation of one request to an auth endpoint knows: the endpoint, the
 * request and, once answered, the status and the decision.
 *
 * @see PusherAuthObservation
 */
public class PusherAuthObservationContext extends Observation.Context {

	private final Kind kind;

	private final AuthRequest request;

	private int status;

	private @Nullable PusherAuthorizationEvent decision;

	/**
	 * Create a context.
	 * @param kind which endpoint the request reached
	 * @param request the request, on either web stack
	 */
	public PusherAuthObservationContext(Kind kind, AuthRequest request) {
		this.kind = kind;
		this.request = request;
	}

	/**
	 * Create a context for a servlet request.
	 * @param kind which endpoint the request reached
	 * @param request the request
	 * @deprecated since 0.1.0 for removal: contexts serve both web stacks; use
	 * {@link #PusherAuthObservationContext(Kind, AuthRequest)}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public PusherAuthObservationContext(Kind kind, HttpServletRequest request) {
		this(kind, ServletAuthRequest.of(request));
	}

	/**
	 * Which endpoint the request reached.
	 * @return channel authorization or user authentication
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * The request, on either web stack.
	 * @return the HTTP request
	 */
	public AuthRequest getHttpRequest() {
		return this.request;
	}

	/**
	 * The servlet request.
	 * @return the HTTP request
	 * @throws IllegalStateException if the request did not come through the servlet stack
	 * @deprecated since 0.1.0 for removal: use {@link #getHttpRequest()}, which serves
	 * both web stacks
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public HttpServletRequest getRequest() {
		HttpServletRequest servletRequest = this.request.getNativeRequest(HttpServletRequest.class);
		Assert.state(servletRequest != null, "The request did not come through the servlet stack; "
				+ "use getHttpRequest() instead of getRequest()");
		return servletRequest;
	}

	/**
	 * The status answered.
	 * @return the HTTP status, 0 before the answer
	 */
	public int getStatus() {
		return this.status;
	}

	/**
	 * Set the status, once known.
	 * @param status the status
	 */
	public void setStatus(int status) {
		this.status = status;
	}

	/**
	 * The decision, as published in a {@link PusherAuthorizationEvent}.
	 * @return the decision, or {@code null} for a request answered without one
	 * (malformed, or failed)
	 */
	public @Nullable PusherAuthorizationEvent getDecision() {
		return this.decision;
	}

	/**
	 * Set the decision, once known.
	 * @param decision the decision
	 */
	public void setDecision(@Nullable PusherAuthorizationEvent decision) {
		this.decision = decision;
	}

}
