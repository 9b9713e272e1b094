package io.pusherspring.webhook;

import java.io.IOException;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
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
 * It backs off for an application controller mapped on the same path. With an
 * {@link ObservationRegistry}, each entry published is one
 * {@link PusherWebhookObservation#EVENT observation}, tagged by its type.
 */
public final class PusherWebhookEndpoint implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(PusherWebhookEndpoint.class);

	private static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

	private final ApplicationEventPublisher publisher;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable PusherWebhookEventObservationConvention observationConvention;

	/**
	 * Create an endpoint.
	 * @param publisher where the entries are published
	 */
	public PusherWebhookEndpoint(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Observe every entry published with Micrometer.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Name and tag the observations with this convention instead of the
	 * {@link DefaultPusherWebhookEventObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable PusherWebhookEventObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!(request.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE) instanceof PusherWebhook webhook)) {
			logger.warn("A request reached the Pusher webhook endpoint without being verified; "
					+ "is PusherWebhookFilter registered on its path?");
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, "Pusher webhook not verified");
			return;
		}
		int failed = publish(webhook);
		if (failed > 0) {
			answer(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
					failed + " of " + webhook.events().size() + " webhook events failed; retry");
			return;
		}
		response.setStatus(HttpServletResponse.SC_OK);
	}

	/**
	 * Publish every entry of a webhook.
	 * @param webhook the verified webhook
	 * @return how many entries a listener failed on
	 */
	int publish(PusherWebhook webhook) {
		int failed = 0;
		for (WebhookEvent event : webhook.events()) {
			PusherWebhookEventObservationContext context = new PusherWebhookEventObservationContext(event);
			Observation observation = PusherWebhookObservation.EVENT
				.observation(this.observationConvention, DefaultPusherWebhookEventObservationConvention.INSTANCE,
						() -> context, this.observationRegistry)
				.start();
			try (Observation.Scope scope = observation.openScope()) {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				observation.error(ex);
				failed++;
				logger.error("A listener failed on Pusher webhook event " + event.name() + " " + event.id()
						+ "; answering 500 so that Pusher retries", ex);
			}
			finally {
				observation.stop();
			}
		}
		return failed;
	}

	private static void answer(HttpServletResponse response, int status, String text) throws IOException {
		response.setStatus(status);
		response.setContentType(TEXT_PLAIN_UTF8);
		response.getWriter().write(text);
	}

}
