package io.pusherspring.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.pusherspring.core.internal.RefusalLog;
import io.pusherspring.webhook.WebhookVerification.Accepted;
import io.pusherspring.webhook.WebhookVerification.Rejected;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards the webhook path of a Spring WebFlux application: the reactive twin of
 * {@link PusherWebhookFilter}, with the same checks in the same order (405, 413, 401 for
 * an unknown key, 401 for a bad signature, 400 when malformed, 401 outside the maximum
 * age), the same answers and the same observations, without blocking.
 * <p>
 * The body is read as it arrives and refused as soon as it goes over the maximum size,
 * never gathered whole. An accepted request goes on with its verified
 * {@link PusherWebhook} in the exchange attribute
 * {@link PusherWebhookFilter#WEBHOOK_ATTRIBUTE} and its body readable again. A rejected
 * one is logged as {@link PusherWebhookFilter} logs it: one WARN line, at most 20 lines a
 * minute. Requests to other paths pass untouched.
 */
public class PusherWebhookWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(PusherWebhookWebFilter.class);

	private static final MediaType TEXT_PLAIN_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

	private final String path;

	private final WebhookVerifier verifier;

	private final RefusalLog rejections;

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable PusherWebhookObservationConvention observationConvention;

	private int order = Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * Create a filter.
	 * @param path the webhook path, within the application
	 * @param secretsByKey the secret of each key accepted in {@code X-Pusher-Key}
	 * @param maxAge the oldest {@code time_ms} accepted
	 * @param maxBodySize the largest body accepted
	 */
	public PusherWebhookWebFilter(String path, Map<String, String> secretsByKey, Duration maxAge,
			DataSize maxBodySize) {
		this(path, secretsByKey, maxAge, maxBodySize, Clock.systemUTC());
	}

	PusherWebhookWebFilter(String path, Map<String, String> secretsByKey, Duration maxAge, DataSize maxBodySize,
			Clock clock) {
		Assert.isTrue(path.startsWith("/"), "'path' must start with '/'");
		this.path = path;
		this.verifier = new WebhookVerifier(secretsByKey, maxAge, maxBodySize.toBytes(), clock);
		this.rejections = new RefusalLog(logger, clock);
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

	/**
	 * The order of this filter among the application's web filters: by default early,
	 * before Spring Security's ({@code -100}), so that a forged delivery costs as little
	 * as possible.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.path.equals(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		PusherWebhookObservationContext context = new PusherWebhookObservationContext(exchange.getRequest());
		Observation observation = PusherWebhookObservation.DELIVERY
			.observation(this.observationConvention, DefaultPusherWebhookObservationConvention.INSTANCE, () -> context,
					this.observationRegistry)
			.start();
		return verify(exchange.getRequest()).flatMap((verification) -> {
			if (verification instanceof Accepted accepted) {
				context.setWebhook(accepted.webhook());
				exchange.getAttributes().put(PusherWebhookFilter.WEBHOOK_ATTRIBUTE, accepted.webhook());
				ServerWebExchange verified = exchange.mutate()
					.request(new ReplayedRequest(exchange.getRequest(), accepted.body()))
					.build();
				return chain.filter(verified);
			}
			Rejected rejected = (Rejected) verification;
			context.setRejection(rejected.reason());
			return reject(exchange, rejected);
		}).doOnError(observation::error).doFinally((signal) -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			context.setStatus((status != null) ? status.value() : 200);
			observation.stop();
		}).contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation));
	}

	/**
	 * Where Micrometer looks for the current observation in a Reactor context: the
	 * application's handling of the delivery is its child.
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private Mono<WebhookVerification> verify(ServerHttpRequest request) {
		Rejected early = this.verifier.checkBeforeReading(request.getMethod().name(),
				request.getHeaders().getContentLength());
		if (early != null) {
			return Mono.just(early);
		}
		HttpHeaders headers = request.getHeaders();
		return DataBufferUtils.join(request.getBody(), this.verifier.maxBodySize())
			.map(PusherWebhookWebFilter::bytesOf)
			.defaultIfEmpty(new byte[0])
			.map((body) -> this.verifier.verify(headers.getFirst(WebhookVerifier.KEY_HEADER),
					headers.getFirst(WebhookVerifier.SIGNATURE_HEADER), body))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(this.verifier.bodyTooLarge()))
			.onErrorResume((ex) -> !(ex instanceof Error), (ex) -> Mono.just(this.verifier.unreadable()));
	}

	private static byte[] bytesOf(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private Mono<Void> reject(ServerWebExchange exchange, Rejected rejected) {
		WebhookRejection reason = rejected.reason();
		this.rejections.refused(() -> rejected.logLine(remoteAddress(exchange.getRequest())));
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(reason.status()));
		HttpHeaders headers = response.getHeaders();
		if (reason == WebhookRejection.METHOD_NOT_ALLOWED) {
			headers.set(HttpHeaders.ALLOW, "POST");
		}
		if (reason == WebhookRejection.BODY_TOO_LARGE || reason == WebhookRejection.METHOD_NOT_ALLOWED) {
			// the (rest of the) body is never read: do not keep the connection for it
			headers.set(HttpHeaders.CONNECTION, "close");
		}
		headers.setContentType(TEXT_PLAIN_UTF8);
		byte[] text = ("Pusher webhook rejected: " + reason.description()).getBytes(StandardCharsets.UTF_8);
		headers.setContentLength(text.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(text)));
	}

	private static String remoteAddress(ServerHttpRequest request) {
		return (request.getRemoteAddress() != null && request.getRemoteAddress().getAddress() != null)
				? request.getRemoteAddress().getAddress().getHostAddress() : "unknown";
	}

	/**
	 * The verified request: serves the body the filter read again.
	 */
	private static final class ReplayedRequest extends ServerHttpRequestDecorator {

		private final byte[] body;

		ReplayedRequest(ServerHttpRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

}
