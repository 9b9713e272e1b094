package io.pusherspring.webhook;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpRequest;
import org.springframework.http.server.ServletServerHttpRequest;

/**
 * What the observation of one request to the webhook path knows: the request, then the
 * verified webhook or the reason it was rejected, and the status answered.
 *
 * @see PusherWebhookObservation#DELIVERY
 */
public class PusherWebhookObservationContext extends Observation.Context {

	private final HttpRequest request;

	private @Nullable PusherWebhook webhook;

	private @Nullable WebhookRejection rejection;

	private int status;

	/**
	 * Create a context.
	 * @param request the request to the webhook path, on either web stack (the reactive
	 * {@code ServerHttpRequest} is one)
	 */
	public PusherWebhookObservationContext(HttpRequest request) {
		this.request = request;
	}

	/**
	 * Create a context for a servlet request.
	 * @param request the request to the webhook path
	 * @deprecated since 0.1.0 for removal: contexts serve both web stacks; use
	 * {@link #PusherWebhookObservationContext(HttpRequest)}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public PusherWebhookObservationContext(HttpServletRequest request) {
		this(new ServletServerHttpRequest(request));
	}

	/**
	 * The request, on either web stack: its method, URI and headers.
	 * @return the HTTP request
	 */
	public HttpRequest getHttpRequest() {
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
		if (this.request instanceof ServletServerHttpRequest servletRequest) {
			return servletRequest.getServletRequest();
		}
		throw new IllegalStateException("The request did not come through the servlet stack; "
				+ "use getHttpRequest() instead of getRequest()");
	}

	/**
	 * The webhook, once verified.
	 * @return the webhook, or {@code null} if it was rejected
	 */
	public @Nullable PusherWebhook getWebhook() {
		return this.webhook;
	}

	/**
	 * Set the webhook, once known.
	 * @param webhook the webhook
	 */
	public void setWebhook(@Nullable PusherWebhook webhook) {
		this.webhook = webhook;
	}

	/**
	 * Why the delivery was rejected.
	 * @return the reason, or {@code null} if it was accepted
	 */
	public @Nullable WebhookRejection getRejection() {
		return this.rejection;
	}

	/**
	 * Set the rejection, once known.
	 * @param rejection the rejection
	 */
	public void setRejection(@Nullable WebhookRejection rejection) {
		this.rejection = rejection;
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

}
