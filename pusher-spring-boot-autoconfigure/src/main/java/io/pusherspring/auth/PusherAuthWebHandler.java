package io.pusherspring.auth;

import java.security.Principal;
import java.util.Optional;
import java.util.concurrent.Executor;

import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.pusherspring.auth.AuthRequestDecoding.Fields;
import io.pusherspring.auth.AuthRequestDecoding.Refusal;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebHandler;

/**
 * One auth endpoint in Spring WebFlux: the reactive twin of {@link PusherAuthEndpoint},
 * with the same answers, events and observations, that never blocks an event-loop thread.
 * <p>
 * The caller comes from Spring Security's reactive context. The rate limiter is asked
 * without blocking ({@link AuthRateLimiter#tryConsumeAsync}); the body is read within 8KB
 * and decoded by {@link AuthRequestDecoder} (or taken as
 * {@link PusherAuthRequestWebFilter} decoded it). A {@link PusherChannel @PusherChannel}
 * method that returns a {@code Mono} is subscribed to in the request's context, and an
 * authorizer declared never to block ({@link ChannelAuthorizer#mayBlock()}) is called
 * where the request is; every other authorizer, and a user resolver other than the
 * default, may block, so they are called on the scheduler of blocking work (Reactor's
 * bounded elastic scheduler), and the decision goes on there.
 */
final class PusherAuthWebHandler implements WebHandler {

	private static final Log logger = LogFactory.getLog(PusherAuthWebHandler.class);

	/**
	 * Where Micrometer looks for the current observation in a Reactor context
	 * ({@code ObservationThreadLocalAccessor.KEY}, whose class needs the
	 * context-propagation library): observations made by authorizers are its children.
	 */
	private static final String OBSERVATION_KEY = "micrometer.observation";

	private final PusherAuthService service;

	private final Kind kind;

	private final Scheduler blockingScheduler;

	private final Executor blockingExecutor;

	private final AuthRefusalLog refusals = new AuthRefusalLog(logger);

	PusherAuthWebHandler(PusherAuthService service, Kind kind, Scheduler blockingScheduler) {
		this.service = service;
		this.kind = kind;
		this.blockingScheduler = blockingScheduler;
		this.blockingExecutor = (task) -> blockingScheduler.schedule(task);
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange) {
		AuthRequest request = ExchangeAuthRequest.of(exchange);
		PusherAuthObservationContext context = new PusherAuthObservationContext(this.kind, request);
		Observation observation = this.service.observations().observation(context).start();
		return Mono.defer(() -> answer(exchange, request)).onErrorResume((ex) -> !(ex instanceof Error), (ex) -> {
			// the request was decoded strictly before: this is the server's failure
			logger.error("Pusher " + this.kind + " failed; answered 500", ex);
			observation.error(ex);
			return Mono.just(AuthResponse.refused(500, "Internal error"));
		}).flatMap((response) -> {
			context.setStatus(response.status());
			context.setDecision(response.decision());
			return write(exchange, response);
		})
			.doFinally((signal) -> observation.stop())
			.contextWrite((reactorContext) -> reactorContext.put(OBSERVATION_KEY, observation));
	}

	private Mono<AuthResponse> answer(ServerWebExchange exchange, AuthRequest request) {
		if (exchange.getRequest().getMethod() != HttpMethod.POST) {
			exchange.getResponse().getHeaders().set(HttpHeaders.ALLOW, HttpMethod.POST.name());
			return ExchangeAuthBody.drain(exchange).map((complete) -> {
				if (!complete) {
					ExchangeAuthBody.closeConnection(exchange);
				}
				return AuthResponse.refused(405, "Use POST");
			});
		}
		return ReactiveCallerPrincipal.of(exchange)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((caller) -> {
				Principal principal = caller.orElse(null);
				return Mono
					.fromCompletionStage(
							this.service.rateLimitAsync(this.kind, request, principal, this.blockingExecutor))
					.switchIfEmpty(Mono.defer(() -> decide(exchange, request, principal)));
			});
	}

	private Mono<AuthResponse> decide(ServerWebExchange exchange, AuthRequest request, @Nullable Principal principal) {
		return ExchangeAuthBody.read(exchange).flatMap((body) -> {
			if (body.decoding() instanceof Refusal refusal) {
				if (!body.complete()) {
					ExchangeAuthBody.closeConnection(exchange);
				}
				this.refusals.refused(this.kind, request.getRemoteAddress(), refusal.status(), refusal.reason());
				return Mono.just(AuthResponse.refused(refusal.status(), refusal.reason()));
			}
			Fields fields = (Fields) body.decoding();
			if (this.kind == Kind.CHANNEL_AUTHORIZATION) {
				return authorizeChannel(this.service.beginChannelAuthorization(request, principal, fields.socketId(),
						fields.channelName()));
			}
			return authenticateUser(this.service.beginUserAuthentication(request, principal, fields.socketId()));
		});
	}

	private Mono<AuthResponse> authorizeChannel(AuthStep step) {
		if (!(step instanceof AuthStep.AuthorizeChannel authorize)) {
			return Mono.just(((AuthStep.Answered) step).response());
		}
		Mono<ChannelAuthorization> authorization = authorization(authorize.authorizer(), authorize.context());
		if (this.service.limitsConnections()) {
			// the limit asks Pusher for the count, blocking
			authorization = authorization.publishOn(this.blockingScheduler);
		}
		return authorization.map((decided) -> this.service.authorized(authorize, decided))
			.onErrorResume((ex) -> !(ex instanceof VirtualMachineError),
					(ex) -> Mono.just(this.service.authorizerFailed(authorize, ex)));
	}

	private Mono<ChannelAuthorization> authorization(ChannelAuthorizer authorizer,
			ChannelAuthorizationContext context) {
		if (authorizer instanceof MethodChannelAuthorizer method && method.returnsMono()) {
			return Mono.defer(() -> method.authorizeReactively(context));
		}
		Mono<ChannelAuthorization> authorization = Mono.fromCallable(() -> authorizer.authorize(context))
			.defaultIfEmpty(ChannelAuthorization.deny("authorizer returned null"));
		return authorizer.mayBlock() ? authorization.subscribeOn(this.blockingScheduler) : authorization;
	}

	private Mono<AuthResponse> authenticateUser(AuthStep step) {
		if (!(step instanceof AuthStep.ResolveUser resolve)) {
			return Mono.just(((AuthStep.Answered) step).response());
		}
		Mono<Optional<PusherUser>> user = Mono.fromCallable(
				() -> Optional.ofNullable(resolve.resolver().resolve(resolve.principal(), resolve.request())));
		if (!(resolve.resolver() instanceof PrincipalNameUserResolver)) {
			user = user.subscribeOn(this.blockingScheduler);
		}
		return user.map((resolved) -> this.service.userResolved(resolve, resolved.orElse(null)))
			.onErrorResume((ex) -> !(ex instanceof VirtualMachineError),
					(ex) -> Mono.just(this.service.userResolverFailed(resolve, ex)));
	}

	/**
	 * Write a response as {@link PusherAuthEndpoint#write} does.
	 */
	static Mono<Void> write(ServerWebExchange exchange, AuthResponse answer) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatusCode.valueOf(answer.status()));
		HttpHeaders headers = response.getHeaders();
		if (answer instanceof AuthResponse.Refused refused && refused.status() == 429) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refused.retryAfterSeconds()));
		}
		headers.setCacheControl("no-store");
		headers.setContentType(MediaType.APPLICATION_JSON);
		byte[] bytes = AuthResponseJson.write(answer);
		headers.setContentLength(bytes.length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(bytes)));
	}

	@Override
	public String toString() {
		return "PusherAuthWebHandler[" + this.kind + "]";
	}

}
