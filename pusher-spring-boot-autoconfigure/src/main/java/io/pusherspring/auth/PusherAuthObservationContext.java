package io.pusherspring.auth;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

/**
 * What the observation of one request to an auth endpoint knows: the endpoint, the
 * request and, once answered, the status and the decision.
 *
 * @see PusherAuthObservation
 */
public class PusherAuthObservationContext extends Observation.Context {

	private final Kind kind;

	private final HttpServletRequest request;

	private int status;

	private @Nullable PusherAuthorizationEvent decision;

	/**
	 * Create a context.
	 * @param kind which endpoint the request reached
	 * @param request the request
	 */
	public PusherAuthObservationContext(Kind kind, HttpServletRequest request) {
		this.kind = kind;
		this.request = request;
	}

	/**
	 * Which endpoint the request reached.
	 * @return channel authorization or user authentication
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * The request.
	 * @return the HTTP request
	 */
	public HttpServletRequest getRequest() {
		return this.request;
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
