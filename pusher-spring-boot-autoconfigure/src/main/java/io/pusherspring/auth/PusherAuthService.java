package io.pusherspring.auth;

import java.security.Principal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import io.pusherspring.auth.ChannelAuthorization.Denied;
import io.pusherspring.auth.ChannelAuthorization.Granted;
import io.pusherspring.auth.ChannelAuthorizerRegistry.Match;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.SocketIds;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Decides channel authorizations and user authentications and signs the granted ones, for
 * the auth endpoints of both web stacks; it knows neither. Every decision (granted,
 * denied, rate limited) is made here and published as a {@link PusherAuthorizationEvent}.
 * <p>
 * The endpoints call it; so may an application that answers Pusher's clients from its own
 * controller: {@link #rateLimit}, then {@link #authorizeChannel} or
 * {@link #authenticateUser}, and write the {@link AuthResponse} as JSON. These methods
 * call the authorizers and the user resolver on the calling thread, which may block: on
 * an event-loop thread, use the WebFlux endpoints instead, which never do.
 */
public final class PusherAuthService {

	private static final Log logger = LogFactory.getLog(PusherAuthService.class);

	private final Supplier<AuthSigner> signer;

	private final ChannelAuthorizerRegistry authorizers;

	private final PusherUserResolver userResolver;

	private final @Nullable ChannelEncryption encryption;

	private final @Nullable AuthRateLimit rateLimit;

	private final @Nullable UserConnectionLimit connectionLimit;

	private final AuthDecisionPublisher decisions;

	private final boolean allowAnonymous;

	private final AuthObservations observations;

	private PusherAuthService(Builder builder) {
		Supplier<PusherCredentials> credentials = builder.credentials;
		this.signer = SingletonSupplier.of(() -> new AuthSigner(credentials.get()));
		this.authorizers = builder.authorizers;
		this.userResolver = builder.userResolver;
		this.encryption = builder.encryption;
		this.connectionLimit = builder.connectionLimit;
		this.decisions = new AuthDecisionPublisher(builder.events, builder.clock);
		this.rateLimit = (builder.rateLimiter != null) ? new AuthRateLimit(builder.rateLimiter, this.decisions) : null;
		this.allowAnonymous = builder.allowAnonymous;
		this.observations = new AuthObservations(builder.observationRegistry, builder.observationConvention);
	}

	/**
	 * Start building a service.
	 * @param credentials the app's credentials, asked for on first use
	 * @param authorizers the channel authorizers
	 * @return a builder
	 */
	public static Builder builder(Supplier<PusherCredentials> credentials, ChannelAuthorizerRegistry authorizers) {
		return new Builder(credentials, authorizers);
	}

	/**
	 * Take one request from the caller's budget, before reading the request's body, so
	 * that malformed requests count too.
	 * @param kind the endpoint asked
	 * @param request the request
	 * @param principal the caller, {@code null} if anonymous (then its remote address is
	 * the key)
	 * @return the 429 response, or {@code null} if the request may go on
	 */
	public @Nullable AuthResponse rateLimit(Kind kind, AuthRequest request, @Nullable Principal principal) {
		return (this.rateLimit != null) ? this.rateLimit.check(kind, request, principal) : null;
	}

	/**
	 * {@link #rateLimit} without blocking the calling thread.
	 * @param blockingExecutor where a rate limiter that blocks is asked
	 */
	CompletionStage<@Nullable AuthResponse> rateLimitAsync(Kind kind, AuthRequest request,
			@Nullable Principal principal, Executor blockingExecutor) {
		return (this.rateLimit != null) ? this.rateLimit.checkAsync(kind, request, principal, blockingExecutor)
				: CompletableFuture.completedFuture(null);
	}

	/**
	 * Authorize a subscription: check the fields, find the authorizer, ask it, and sign
	 * if it grants. The authorizer is called on the calling thread.
	 * @param request the request
	 * @param principal the caller, {@code null} if anonymous
	 * @param socketId the {@code socket_id} field, as sent
	 * @param channelName the {@code channel_name} field, as sent
	 * @return the response
	 */
	public AuthResponse authorizeChannel(AuthRequest request, @Nullable Principal principal, @Nullable String socketId,
			@Nullable String channelName) {
		AuthStep step = beginChannelAuthorization(request, principal, socketId, channelName);
		if (step instanceof AuthStep.AuthorizeChannel authorize) {
			ChannelAuthorization authorization;
			try {
				authorization = authorize.authorizer().authorize(authorize.context());
			}
			catch (RuntimeException | LinkageError | AssertionError ex) {
				return authorizerFailed(authorize, ex);
			}
			return authorized(authorize, authorization);
		}
		return ((AuthStep.Answered) step).response();
	}

	/**
	 * Authenticate a user for {@code pusher:signin}: check the field, ask the user
	 * resolver, and sign the user it names. The resolver is called on the calling thread.
	 * @param request the request
	 * @param principal the caller, {@code null} if anonymous
	 * @param socketId the {@code socket_id} field, as sent
	 * @return the response
	 */
	public AuthResponse authenticateUser(AuthRequest request, @Nullable Principal principal,
			@Nullable String socketId) {
		AuthStep step = beginUserAuthentication(request, principal, socketId);
		if (step instanceof AuthStep.ResolveUser resolve) {
			PusherUser user;
			try {
				user = this.userResolver.resolve(resolve.principal(), resolve.request());
			}
			catch (RuntimeException | LinkageError | AssertionError ex) {
				return userResolverFailed(resolve, ex);
			}
			return userResolved(resolve, user);
		}
		return ((AuthStep.Answered) step).response();
	}

	/**
	 * The checks before the authorizer: the fields, the authorizer that matches, the
	 * caller and the encryption key.
	 * @return the response, or the authorizer to ask
	 */
	AuthStep beginChannelAuthorization(AuthRequest request, @Nullable Principal principal, @Nullable String socketId,
			@Nullable String channel) {
		try {
			SocketIds.validate(socketId);
			ChannelNames.validate(channel);
		}
		catch (PusherValidationException ex) {
			return new AuthStep.Answered(AuthResponse.badRequest(ex.getMessage()));
		}
		if (!ChannelNames.requiresAuthorization(channel)) {
			return new AuthStep.Answered(AuthResponse.badRequest("Channel '" + channel
					+ "' is public and needs no authorization; authorized channels start with 'private-' or 'presence-'"));
		}
		Match match = this.authorizers.find(channel);
		if (match == null) {
			return new AuthStep.Answered(
					channelDenied(channel, null, principal, socketId, "no authorizer matches the channel"));
		}
		String pattern = match.entry().pattern().source();
		if (principal == null && !this.allowAnonymous) {
			return new AuthStep.Answered(
					channelDenied(channel, pattern, null, socketId, "caller is not authenticated"));
		}
		if (ChannelNames.isEncrypted(channel) && this.encryption == null) {
			return new AuthStep.Answered(channelDenied(channel, pattern, principal, socketId,
					"encrypted channel, but pusher.encryption-master-key is not set"));
		}
		return new AuthStep.AuthorizeChannel(match,
				new ChannelAuthorizationContext(channel, socketId, match.variables(), principal, request));
	}

	/**
	 * The response to what the authorizer decided.
	 * @param authorization its decision; {@code null} denies
	 */
	AuthResponse authorized(AuthStep.AuthorizeChannel step, @Nullable ChannelAuthorization authorization) {
		ChannelAuthorizationContext context = step.context();
		String pattern = step.match().entry().pattern().source();
		if (authorization instanceof Granted granted) {
			return granted(context, step.match(), granted);
		}
		String reason = (authorization instanceof Denied denied) ? denied.reason() : "authorizer returned null";
		return channelDenied(context.channelName(), pattern, context.principal(), context.socketId(), reason);
	}

	/**
	 * The response when the authorizer threw: a denial, and the exception logged.
	 */
	AuthResponse authorizerFailed(AuthStep.AuthorizeChannel step, Throwable failure) {
		ChannelAuthorizationContext context = step.context();
		warnWithoutStackTrace("Channel authorizer " + step.match().entry() + " failed for channel "
				+ context.channelName() + "; the subscription is denied", failure);
		return channelDenied(context.channelName(), step.match().entry().pattern().source(), context.principal(),
				context.socketId(), "authorizer failed: " + failure.getClass().getName());
	}

	/**
	 * Whether a granted subscription may still be refused by the connection limit, which
	 * asks Pusher, blocking.
	 */
	boolean limitsConnections() {
		return this.connectionLimit != null;
	}

	private AuthResponse granted(ChannelAuthorizationContext context, Match match, Granted granted) {
		String channel = context.channelName();
		String socketId = context.socketId();
		Principal principal = context.principal();
		String pattern = match.entry().pattern().source();
		String overLimit = (this.connectionLimit != null) ? this.connectionLimit.refusal(channel) : null;
		if (overLimit != null) {
			return this.decisions.decided(Kind.CHANNEL_AUTHORIZATION, Outcome.DENIED, channel, pattern, principal,
					socketId, "connection limit: " + overLimit,
					AuthResponse.forbidden("Too many connections: " + overLimit));
		}
		AuthSigner signer = this.signer.get();
		Map<String, String> body = new LinkedHashMap<>();
		if (ChannelNames.isPresence(channel)) {
			PresenceMember member = granted.member();
			if (member == null) {
				if (principal == null) {
					return channelDenied(channel, pattern, null, socketId,
							"presence channels need a member, and the caller is anonymous");
				}
				member = PresenceMember.of(principal.getName());
			}
			String channelData;
			try {
				channelData = AuthPayloads.channelData(member);
			}
			catch (IllegalArgumentException | JacksonException ex) {
				logger.warn("Channel authorizer " + match.entry() + " returned a presence member for channel " + channel
						+ " that Pusher would refuse (" + ex.getMessage() + "); the subscription is denied");
				return channelDenied(channel, pattern, principal, socketId,
						"presence member breaks Pusher's limits: " + ex.getMessage());
			}
			body.put("auth", signer.presence(socketId, channel, channelData));
			body.put("channel_data", channelData);
		}
		else {
			body.put("auth", signer.channel(socketId, channel));
			if (ChannelNames.isEncrypted(channel)) {
				Assert.state(this.encryption != null, "Encryption is checked before authorizing");
				body.put("shared_secret", this.encryption.sharedSecret(channel));
			}
		}
		return this.decisions.decided(Kind.CHANNEL_AUTHORIZATION, Outcome.GRANTED, channel, pattern, principal,
				socketId, "granted by " + match.entry().description(), new AuthResponse.Signed(body, null));
	}

	/**
	 * The checks before the user resolver: the field and the caller.
	 * @return the response, or the resolver to ask
	 */
	AuthStep beginUserAuthentication(AuthRequest request, @Nullable Principal principal, @Nullable String socketId) {
		try {
			SocketIds.validate(socketId);
		}
		catch (PusherValidationException ex) {
			return new AuthStep.Answered(AuthResponse.badRequest(ex.getMessage()));
		}
		if (principal == null && !this.allowAnonymous) {
			return new AuthStep.Answered(userDenied(null, socketId, "caller is not authenticated"));
		}
		return new AuthStep.ResolveUser(this.userResolver, principal, socketId, request);
	}

	/**
	 * The response to the user the resolver named.
	 * @param user the user; {@code null} refuses
	 */
	AuthResponse userResolved(AuthStep.ResolveUser step, @Nullable PusherUser user) {
		if (user == null) {
			return userDenied(step.principal(), step.socketId(), "user resolver returned no user");
		}
		String userData;
		try {
			userData = AuthPayloads.userData(user);
		}
		catch (PusherValidationException | JacksonException ex) {
			logger.warn("Pusher user resolver " + this.userResolver + " returned a user that Pusher would refuse ("
					+ ex.getMessage() + "); the sign-in is denied");
			return userDenied(step.principal(), step.socketId(), "user breaks Pusher's rules: " + ex.getMessage());
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("auth", this.signer.get().user(step.socketId(), userData));
		body.put("user_data", userData);
		return this.decisions.decided(Kind.USER_AUTHENTICATION, Outcome.GRANTED, null, null, step.principal(),
				step.socketId(), "signed in as " + user.id(), new AuthResponse.Signed(body, null));
	}

	/**
	 * The response when the user resolver threw: a denial, and the exception logged.
	 */
	AuthResponse userResolverFailed(AuthStep.ResolveUser step, Throwable failure) {
		warnWithoutStackTrace("Pusher user resolver " + this.userResolver + " failed; the sign-in is denied", failure);
		return userDenied(step.principal(), step.socketId(), "user resolver failed: " + failure.getClass().getName());
	}

	private AuthResponse channelDenied(String channel, @Nullable String pattern, @Nullable Principal principal,
			String socketId, String reason) {
		return this.decisions.decided(Kind.CHANNEL_AUTHORIZATION, Outcome.DENIED, channel, pattern, principal, socketId,
				reason, AuthResponse.forbidden("Not authorized to subscribe to '" + channel + "'"));
	}

	private AuthResponse userDenied(@Nullable Principal principal, String socketId, String reason) {
		return this.decisions.decided(Kind.USER_AUTHENTICATION, Outcome.DENIED, null, null, principal, socketId, reason,
				AuthResponse.forbidden("Not authorized to sign in"));
	}

	/**
	 * The observations of the endpoints' requests.
	 */
	AuthObservations observations() {
		return this.observations;
	}

	@Override
	public String toString() {
		return "PusherAuthService[authorizers=" + this.authorizers.patterns() + ", rateLimiter=" + this.rateLimit
				+ ", allowAnonymous=" + this.allowAnonymous + "]";
	}

	/**
	 * Builds a {@link PusherAuthService}.
	 */
	public static final class Builder {

		private final Supplier<PusherCredentials> credentials;

		private final ChannelAuthorizerRegistry authorizers;

		private PusherUserResolver userResolver = PusherUserResolver.principalName();

		private @Nullable ChannelEncryption encryption;

		private @Nullable AuthRateLimiter rateLimiter;

		private @Nullable UserConnectionLimit connectionLimit;

		private Consumer<PusherAuthorizationEvent> events = (event) -> {
		};

		private boolean allowAnonymous;

		private Clock clock = Clock.systemUTC();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable PusherAuthObservationConvention observationConvention;

		private Builder(Supplier<PusherCredentials> credentials, ChannelAuthorizerRegistry authorizers) {
			Assert.notNull(credentials, "'credentials' must not be null");
			Assert.notNull(authorizers, "'authorizers' must not be null");
			this.credentials = credentials;
			this.authorizers = authorizers;
		}

		/**
		 * Resolve signed-in users with this resolver instead of the principal's name.
		 * @param userResolver the resolver
		 * @return this builder
		 */
		public Builder userResolver(PusherUserResolver userResolver) {
			Assert.notNull(userResolver, "'userResolver' must not be null");
			this.userResolver = userResolver;
			return this;
		}

		/**
		 * Authorize {@code private-encrypted-} channels with this encryption; without it
		 * they are denied.
		 * @param encryption the encryption, or {@code null}
		 * @return this builder
		 */
		public Builder encryption(@Nullable ChannelEncryption encryption) {
			this.encryption = encryption;
			return this;
		}

		/**
		 * Limit each caller's requests.
		 * @param rateLimiter the rate limiter, or {@code null} for no limit
		 * @return this builder
		 */
		public Builder rateLimiter(@Nullable AuthRateLimiter rateLimiter) {
			this.rateLimiter = rateLimiter;
			return this;
		}

		/**
		 * Limit each user's connections: a granted subscription to the user's own channel
		 * is refused while the user has as many connections as the limit allows.
		 * @param connectionLimit the limit, or {@code null} for none
		 * @return this builder
		 */
		public Builder connectionLimit(@Nullable UserConnectionLimit connectionLimit) {
			this.connectionLimit = connectionLimit;
			return this;
		}

		/**
		 * Publish every decision to this consumer, such as
		 * {@code ApplicationEventPublisher::publishEvent}.
		 * @param events the consumer
		 * @return this builder
		 */
		public Builder events(Consumer<PusherAuthorizationEvent> events) {
			Assert.notNull(events, "'events' must not be null");
			this.events = events;
			return this;
		}

		/**
		 * Whether anonymous callers reach the authorizers and the user resolver.
		 * @param allowAnonymous {@code true} to let them
		 * @return this builder
		 */
		public Builder allowAnonymous(boolean allowAnonymous) {
			this.allowAnonymous = allowAnonymous;
			return this;
		}

		/**
		 * The clock that times the events.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			Assert.notNull(clock, "'clock' must not be null");
			this.clock = clock;
			return this;
		}

		/**
		 * Observe every request to the auth endpoints with Micrometer
		 * ({@link PusherAuthObservation}).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			Assert.notNull(observationRegistry, "'observationRegistry' must not be null");
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Name and tag the observations with this convention instead of the
		 * {@link DefaultPusherAuthObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable PusherAuthObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the service.
		 * @return the service
		 */
		public PusherAuthService build() {
			return new PusherAuthService(this);
		}

	}

	/**
	 * Log a failure of the application's own code in one line, with the exception's class
	 * and message; the stack trace only at debug level (the observation records the
	 * exception).
	 */
	private static void warnWithoutStackTrace(String text, Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.warn(text + ": " + failure, failure);
		}
		else {
			logger.warn(text + ": " + failure);
		}
	}

}
