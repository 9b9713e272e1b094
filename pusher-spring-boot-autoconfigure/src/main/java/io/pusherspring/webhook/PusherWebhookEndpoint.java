package io.pusherspring.webhook;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.HttpRequestHandler;

/**
 * The built-in handler of the webhook path, behind {@link PusherWebhookFilter}: publishes
 * each entry of the verified {@link PusherWebhook} as an application event, in order, and
 * answers 200 when every listener returned, or 500 when one threw, so that Pusher
 * retries. The other entries are still published when one fails.
 * <p>
 * It backs off for an application controller mapped on the same path.
 *
 * @author pusher-spring-boot
 */
public final class PusherWebhookEndpoint implements HttpRequestHandler {

	private static final Log logger = LogFactory.getLog(PusherWebhookEndpoint.class);

	private static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

	private final ApplicationEventPublisher publisher;

	/**
	 * Create an endpoint.
	 * @param publisher where the entries are published
	 */
	public PusherWebhookEndpoint(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
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
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				failed++;
				logger.error("A listener failed on Pusher webhook event " + event.name() + " " + event.id()
						+ "; answering 500 so that Pusher retries", ex);
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
