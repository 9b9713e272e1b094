package io.pusherspring.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.pusherspring.core.internal.RefusalLog;
import io.pusherspring.servlet.internal.ReplayedBodyRequest;
import io.pusherspring.webhook.WebhookVerification.Accepted;
import io.pusherspring.webhook.WebhookVerification.Rejected;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards the webhook path: a request reaches what is mapped there only if it is a
 * {@code POST} (405 otherwise) of at most the maximum body size (413, read with a bound),
 * with an {@code X-Pusher-Key} that is a configured key (401), an
 * {@code X-Pusher-Signature} that is the hex HMAC-SHA256 of the raw body under that key's
 * secret, compared in constant time (401), a JSON body with {@code time_ms} and
 * {@code events} (400), and a {@code time_ms} neither older than the maximum age nor more
 * than a minute ahead (401). The checks run in that order.
 * <p>
 * An accepted request goes on with its verified {@link PusherWebhook} in the request
 * attribute {@link #WEBHOOK_ATTRIBUTE} and its body readable again. A rejected one is
 * answered with a short text naming the {@link WebhookRejection reason} and logged as one
 * WARN line, never with the body or a signature, at most 20 lines a minute (the first
 * line of the next minute says how many went unlogged). Requests to other paths pass
 * untouched.
 * <p>
 * With an {@link ObservationRegistry}, each request to the path is one
 * {@link PusherWebhookObservation#DELIVERY observation}, the application's handling of an
 * accepted delivery included.
 */
public class PusherWebhookFilter extends OncePerRequestFilter {

	/**
	 * Name of the request attribute that holds the verified {@link PusherWebhook}; a
	 * constant, so that a controller can take it with
	 * {@code @RequestAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE)}.
	 */
	public static final String WEBHOOK_ATTRIBUTE = "io.pusherspring.webhook.PusherWebhook";

	private static final String TEXT_PLAIN_UTF8 = "text/plain;charset=UTF-8";

	private final String path;

	private final WebhookVerifier verifier;

	private final RefusalLog rejections;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable PusherWebhookObservationConvention observationConvention;

	/**
	 * Create a filter.
	 * @param path the webhook path, within the application
	 * @param secretsByKey the secret of each key accepted in {@code X-Pusher-Key}
	 * @param maxAge the oldest {@code time_ms} accepted
	 * @param maxBodySize the largest body accepted
	 */
	public PusherWebhookFilter(String path, Map<String, String> secretsByKey, Duration maxAge, DataSize maxBodySize) {
		this(path, secretsByKey, maxAge, maxBodySize, Clock.systemUTC());
	}

	PusherWebhookFilter(String path, Map<String, String> secretsByKey, Duration maxAge, DataSize maxBodySize,
			Clock clock) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.path = path;
		this.verifier = new WebhookVerifier(secretsByKey, maxAge, maxBodySize.toBytes(), clock);
		this.rejections = new RefusalLog(this.logger, clock);
	}

	/**
	 * The path this filter guards.
	 * @return the path within the application
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * Observe every request to the webhook path with Micrometer.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
		this.observationRegistry = observationRegistry;
	}

	/**
	 * Name and tag the observations with this convention instead of the
	 * {@link DefaultPusherWebhookObservationConvention}.
	 * @param observationConvention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable PusherWebhookObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !this.path.equals(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PusherWebhookObservationContext context = new PusherWebhookObservationContext(
				new ServletServerHttpRequest(request));
		Observation observation = PusherWebhookObservation.DELIVERY
			.observation(this.observationConvention, DefaultPusherWebhookObservationConvention.INSTANCE, () -> context,
					this.observationRegistry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			WebhookVerification verification = verify(request);
			if (verification instanceof Accepted accepted) {
				context.setWebhook(accepted.webhook());
				request.setAttribute(WEBHOOK_ATTRIBUTE, accepted.webhook());
				chain.doFilter(new ReplayedBodyRequest(request, accepted.body()), response);
			}
			else {
				Rejected rejected = (Rejected) verification;
				context.setRejection(rejected.reason());
				reject(request, response, rejected);
			}
			context.setStatus(response.getStatus());
		}
		catch (IOException | ServletException | RuntimeException ex) {
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private WebhookVerification verify(HttpServletRequest request) {
		long declared = request.getContentLengthLong();
		Rejected early = this.verifier.checkBeforeReading(request.getMethod(), declared);
		if (early != null) {
			return early;
		}
		byte[] body;
		try {
			body = WebhookVerifier.readAtMost(request.getInputStream(), declared, this.verifier.maxBodySize());
		}
		catch (IOException ex) {
			return this.verifier.unreadable();
		}
		if (body == null) {
			return this.verifier.bodyTooLarge();
		}
		return this.verifier.verify(request.getHeader(WebhookVerifier.KEY_HEADER),
				request.getHeader(WebhookVerifier.SIGNATURE_HEADER), body);
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, Rejected rejected)
			throws IOException {
		WebhookRejection reason = rejected.reason();
		this.rejections.refused(() -> rejected.logLine(request.getRemoteAddr()));
		response.setStatus(reason.status());
		if (reason == WebhookRejection.METHOD_NOT_ALLOWED) {
			response.setHeader(HttpHeaders.ALLOW, "POST");
		}
		if (reason == WebhookRejection.BODY_TOO_LARGE) {
			// the rest of the body is never read: do not keep the connection for it
			response.setHeader(HttpHeaders.CONNECTION, "close");
		}
		response.setContentType(TEXT_PLAIN_UTF8);
		response.getWriter().write("Pusher webhook rejected: " + reason.description());
	}

}
