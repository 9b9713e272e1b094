package io.pusherspring.webhook;

import io.micrometer.observation.Observation;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the observation of one request to the webhook path knows: the request, then the
 * verified webhook or the reason it was rejected, and the status answered.
 *
 * @see PusherWebhookObservation#DELIVERY
 */
public class PusherWebhookObservationContext extends Observation.Context {

	private final HttpServletRequest request;

	private @Nullable PusherWebhook webhook;

	private @Nullable WebhookRejection rejection;

	private int status;

	/**
	 * Create a context.
	 * @param request the request to the webhook path
	 */
	public PusherWebhookObservationContext(HttpServletRequest request) {
		this.request = request;
	}

	/**
	 * The request.
	 * @return the HTTP request
	 */
	public HttpServletRequest getRequest() {
		return this.request;
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
