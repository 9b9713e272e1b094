package io.pusherspring.auth;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Guards the two auth paths of a Spring WebFlux application, ahead of Spring Security, so
 * that nothing downstream parses a body the endpoints refuse: the reactive twin of
 * {@link PusherAuthRequestFilter}, with the same answers.
 * <p>
 * A {@code POST} is read once, within 8KB and without blocking, and decoded strictly by
 * {@link AuthRequestDecoder}: a {@code Content-Type} other than a form or JSON is refused
 * with 415 before its body is read, a body over the limit with 413, one that cannot be
 * decoded with 400. A request that decodes goes on, as an exchange whose form data are
 * the decoded ones (Spring Security's CSRF check reads its {@code _csrf} parameter there)
 * and whose body can be read again, through the application's web filters to the
 * endpoint. Another method goes on untouched, unless it carries a {@code Content-Type}:
 * then it is refused here with 405.
 * <p>
 * Refusals get the endpoints' short JSON error, are observed like the endpoints'
 * requests, and are logged as at most one WARN line each, without the request's content
 * and rate limited. Requests to other paths pass untouched.
 */
public final class PusherAuthRequestWebFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(PusherAuthRequestWebFilter.class);

	private final PusherAuthService service;

	private final AuthPaths paths;

	private final AuthRefusalLog refusals = new AuthRefusalLog(logger);

	private int order = Ordered.HIGHEST_PRECEDENCE + 100;

	/**
	 * Create a filter.
	 * @param service the service whose observation registry records the refusals
	 * @param path the channel authorization path, within the application
	 * @param userPath the user authentication path, within the application
	 */
	public PusherAuthRequestWebFilter(PusherAuthService service, String path, String userPath) {
		Assert.notNull(service, "'service' must not be null");
		this.service = service;
		this.paths = new AuthPaths(path, userPath);
	}

	/**
	 * The channel authorization path this filter guards.
	 * @return the path within the application
	 */
	public String getPath() {
		return this.paths.path();
	}

	/**
	 * The user authentication path this filter guards.
	 * @return the path within the application
	 */
	public String getUserPath() {
		return this.paths.userPath();
	}

	/**
	 * The order of this filter among the application's web filters: by default early,
	 * before Spring Security's ({@code -100}).
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
		Kind kind = kind(exchange);
		if (kind == null) {
			return chain.filter(exchange);
		}
		if (exchange.getRequest().getMethod() != HttpMethod.POST) {
			if (!exchange.getRequest().getHeaders().containsHeader(HttpHeaders.CONTENT_TYPE)) {
				return chain.filter(exchange);
			}
			exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, HttpMethod.POST.name());
			return ExchangeAuthBody.drain(exchange).flatMap((complete) -> {
				if (!complete) {
					ExchangeAuthBody.closeConnection(exchange);
				}
				return refuse(kind, exchange, new Refusal(405, "Use POST"));
			});
		}
		return ExchangeAuthBody.read(exchange).flatMap((body) -> {
			if (body.decoding() instanceof Refusal refusal) {
				if (!body.complete()) {
					ExchangeAuthBody.closeConnection(exchange);
				}
				return refuse(kind, exchange, refusal);
			}
			Fields fields = (Fields) body.decoding();
			return chain.filter(new DecodedAuthExchange(exchange, body.bytes(), fields.formParameters()));
		});
	}

	private @Nullable Kind kind(ServerWebExchange exchange) {
		return this.paths.kindOf(exchange.getRequest().getPath().pathWithinApplication().value());
	}

	private Mono<Void> refuse(Kind kind, ServerWebExchange exchange, Refusal refusal) {
		PusherAuthObservationContext context = new PusherAuthObservationContext(kind, ExchangeAuthRequest.of(exchange));
		Observation observation = this.service.observations().observation(context).start();
		this.refusals.refused(kind, ExchangeAuthRequest.remoteAddress(exchange.getRequest()), refusal.status(),
				refusal.reason());
		context.setStatus(refusal.status());
		return PusherAuthWebHandler.write(exchange, AuthResponse.refused(refusal.status(), refusal.reason()))
			.doFinally((signal) -> observation.stop());
	}

	@Override
	public String toString() {
		return "PusherAuthRequestWebFilter[" + this.paths + "]";
	}

}
