package io.pusherspring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.pusherspring.webhook.WebhookEventDispatcher.Outcome;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * The built-in handler of the webhook path in a Spring WebFlux application, behind
 * {@link PusherWebhookWebFilter}: the reactive twin of {@link PusherWebhookEndpoint},
 * with the same answers (200; 500 when a listener threw; 503 when the de-duplication
 * store failed or another delivery is handling an entry), the same events and the same
 * observations.
 * <p>
 * Listeners and the de-duplication store may block (a JDBC store does), so the entries
 * are published on a scheduler whose threads may block (by default Reactor's bounded
 * elastic scheduler), never on an event-loop thread.
 */
public final class PusherWebhookWebHandler implements WebHandler {

	private static final Log logger = LogFactory.getLog(PusherWebhookWebHandler.class);

	private static final MediaType TEXT_PLAIN_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	/**
	 * Where {@link PusherWebhookWebFilter} puts its observation in the Reactor context.
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final WebhookEventDispatcher dispatcher;

	private final Scheduler blockingScheduler;

	/**
	 * Create a handler that publishes on Reactor's bounded elastic scheduler.
	 * @param publisher where the entries are published
	 */
	public PusherWebhookWebHandler(ApplicationEventPublisher publisher) {
		this(publisher, Schedulers.boundedElastic(), Clock.systemUTC());
	}

	PusherWebhookWebHandler(ApplicationEventPublisher publisher, Scheduler blockingScheduler, Clock clock) {
		Assert.notNull(blockingScheduler, "'blockingScheduler' must not be null");
		this.dispatcher = new WebhookEventDispatcher(publisher, clock);
		this.blockingScheduler = blockingScheduler;
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
	 * @param window how long an entry is remembered, as for
	 * {@link PusherWebhookEndpoint#setDeduplication}
	 */
	public void setDeduplication(@Nullable WebhookDeduplicationStore store, Duration window) {
		this.dispatcher.setDeduplication(store, window);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		if (!(exchange.getAttribute(PusherWebhookFilter.WEBHOOK_ATTRIBUTE) instanceof PusherWebhook webhook)) {
			logger.warn("A request reached the Pusher webhook endpoint without being verified; "
					+ "is PusherWebhookWebFilter registered on its path?");
			return answer(exchange, HttpStatus.UNAUTHORIZED, "Pusher webhook not verified");
		}
		return Mono.deferContextual((context) -> {
			Observation parent = context.getOrDefault(OBSERVATION_KEY, null);
			return Mono.fromCallable(() -> dispatch(webhook, parent)).subscribeOn(this.blockingScheduler);
		}).flatMap((outcome) -> answer(exchange, outcome));
	}

	private Outcome dispatch(PusherWebhook webhook, @Nullable Observation parent) {
		if (parent == null) {
			return this.dispatcher.dispatch(webhook);
		}
		// the entries' observations are children of the delivery's, as on the servlet
		// stack
		try (Observation.Scope scope = parent.openScope()) {
			return this.dispatcher.dispatch(webhook);
		}
	}

	private static Mono<Void> answer(ServerWebExchange exchange, Outcome outcome) {
		if (outcome.failed() > 0) {
			return answer(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
					outcome.failed() + " of " + outcome.entries() + " webhook events failed; retry");
		}
		if (outcome.storeUnavailable()) {
			return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Webhook de-duplication store unavailable; retry");
		}
		if (outcome.inProgress() > 0) {
			return answer(exchange, HttpStatus.SERVICE_UNAVAILABLE, outcome.inProgress() + " of " + outcome.entries()
					+ " webhook events are being handled by another delivery; retry");
		}
		exchange.getResponse().setStatusCode(HttpStatus.OK);
		return exchange.getResponse().setComplete();
	}

	private static Mono<Void> answer(ServerWebExchange exchange, HttpStatus status, String text) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(TEXT_PLAIN_UTF8);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		headers.setContentLength(bytes.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	@Override
	public String toString() {
		WebhookDeduplicationStore store = this.dispatcher.getStore();
		return "PusherWebhookWebHandler[" + ((store != null) ? "de-duplicated in " + store : "not de-duplicated") + "]";
	}

}
