package io.pusherspring.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.webhook.WebhookEventDispatcher.Outcome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;
import org.springframework.web.HttpRequestHandler;

/**
 * The built-in handler of the webhook path, behind {@link PusherWebhookFilter}: publishes
 * each entry of the verified {@link PusherWebhook} as an application event, in order, and
 * answers 200 when every listener returned, or 500 when one threw, so that Pusher
 * retries. The other entries are still published when one fails.
 * <p>
 * With a {@link #setDeduplication de-duplication store}, an entry handled before (by its
 * {@link WebhookEvent#id() id}) is skipped, so that Pusher's retries reach the listeners
 * once; an entry that another delivery is handling at the same moment is skipped too, and
 * answered 503 so that Pusher retries it in case that handling fails. If the store fails,
 * the entries left are not published and the answer is 503: Pusher retries.
 * <p>
 * It backs off for an application controller mapped on the same path. With an
 * {@link ObservationRegistry}, each entry published is one
 * {@link PusherWebhookObservation#EVENT observation}, tagged by its type.
 */
public final class PusherWebhookEndpoint implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(PusherWebhookEndpoint.class);

	private static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

	private final WebhookEventDispatcher dispatcher;

	/**
	 * Create an endpoint.
	 * @param publisher where the entries are published
	 */
	public PusherWebhookEndpoint(ApplicationEventPublisher publisher) {
		this(publisher, Clock.systemUTC());
	}

	PusherWebhookEndpoint(ApplicationEventPublisher publisher, Clock clock) {
		this.dispatcher = new WebhookEventDispatcher(publisher, clock);
	}

	/**
	 * Observe every entry published with Micrometer.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.dispatcher.setObservationRegistry(observationRegistry);
	}

	/**
	 * Name and tag the observations with this convention instead of the
	 * {@link DefaultPusherWebhookEventObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable PusherWebhookEventObservationConvention observationConvention) {
		this.dispatcher.setObservationConvention(observationConvention);
	}

	/**
	 * Hand each entry to the listeners once: remember the entries handled in a store.
	 * @param store the store, or {@code null} to publish every delivery of an entry
	 * @param window how long an entry is remembered, counted from the webhook's
	 * {@code time_ms}: at least the filter's maximum age, past which Pusher's retries are
	 * refused anyway
	 */
	public void setDeduplication(@Nullable WebhookDeduplicationStore store, Duration window) {
		this.dispatcher.setDeduplication(store, window);
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE) instanceof PusherWebhook webhook)) {
			logger.warn("A request reached the Pusher webhook endpoint without being verified; "
					+ "is PusherWebhookFilter registered on its path?");
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, "Pusher webhook not verified");
			return;
		}
		Outcome outcome = this.dispatcher.dispatch(webhook);
		if (outcome.failed() > 0) {
			answer(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
					outcome.failed() + " of " + outcome.entries() + " webhook events failed; retry");
		}
		else if (outcome.storeUnavailable()) {
			answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
					"Webhook de-duplication store unavailable; retry");
		}
		else if (outcome.inProgress() > 0) {
			answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, outcome.inProgress() + " of "
					+ outcome.entries() + " webhook events are being handled by another delivery; retry");
		}
		else {
			response.setStatus(HttpServletResponse.SC_OK);
		}
	}

	@Override
	public String toString() {
		WebhookDeduplicationStore store = this.dispatcher.getStore();
		return "PusherWebhookEndpoint[" + ((store != null) ? "de-duplicated in " + store : "not de-duplicated") + "]";
	}

	private static void answer(HttpServletResponse response, int status, String text) throws IOException {
		response.setStatus(status);
		response.setContentType(TEXT_PLAIN_UTF8);
		response.getWriter().write(text);
	}

}
