package io.pusherspring.auth;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

import io.pusherspring.auth.ChannelAuthorization.Denied;
import io.pusherspring.auth.ChannelAuthorization.Granted;
import io.pusherspring.auth.ChannelAuthorizerRegistry.Match;
import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;
import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelNames;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherLimits;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.core.SocketIds;

import org.springframework.util.Assert;
import org.springframework.util.function.SingletonSupplier;

/**
 * Decides channel authorizations and user authentications and signs the granted ones.
 * Every decision (granted, denied, rate limited) is made here and published as a
 * {@link PusherAuthorizationEvent}; the HTTP side is the auth endpoints', and so is the
 * {@link PusherAuthObservation observation} of each request, which this service's
 * {@link ObservationRegistry} records.
 */
public final class PusherAuthService {

	private static final int MAX_USER_INFO_BYTES = (int) PusherLimits.MAX_USER_INFO_SIZE.toBytes();

	private static final Log logger = LogFactory.getLog(PusherAuthService.class);

	private static final JsonMapper json = JsonMapper.shared();

	private final Supplier<AuthSigner> signer;

	private final ChannelAuthorizerRegistry authorizers;

	private final PusherUserResolver userResolver;

	private final @Nullable ChannelEncryption encryption;

	private final @Nullable AuthRateLimiter rateLimiter;

	private final @Nullable UserConnectionLimit connectionLimit;

	private final Consumer<PusherAuthorizationEvent> events;

	private final boolean allowAnonymous;

	private final Clock clock;

	private final ObservationRegistry observationRegistry;

	private final @Nullable PusherAuthObservationConvention observationConvention;

	private PusherAuthService(Builder builder) {
		Supplier<PusherCredentials> credentials = builder.credentials;
		this.signer = SingletonSupplier.of(() -> new AuthSigner(credentials.get()));
		this.authorizers = builder.authorizers;
		this.userResolver = builder.userResolver;
		this.encryption = builder.encryption;
		this.rateLimiter = builder.rateLimiter;
		this.connectionLimit = builder.connectionLimit;
		this.events = builder.events;
		this.allowAnonymous = builder.allowAnonymous;
		this.clock = builder.clock;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
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
	 * Take one request from the caller's budget.
	 * @return the 429 answer, or {@code null} if the request may go on
	 */
	@Nullable AuthAnswer rateLimit(Kind kind, @Nullable Principal principal, HttpServletRequest request) {
		if (this.rateLimiter == null) {
			return null;
		}
		String key = (principal != null) ? "user:" + principal.getName() : "address:" + request.getRemoteAddr();
		Duration retryAfter = this.rateLimiter.tryConsume(key);
		if (retryAfter.isZero() || retryAfter.isNegative()) {
			return null;
		}
		return decided(event(kind, Outcome.RATE_LIMITED, null, null, principal, null, "request budget used up"),
				new AuthAnswer.Refused(429, "Too many authorization requests; retry later", retryAfter));
	}

	/**
	 * Authorize a subscription.
	 * @param socketId the {@code socket_id} field, as sent
	 * @param channel the {@code channel_name} field, as sent
	 * @param principal the caller, {@code null} if anonymous
	 * @param request the HTTP request
	 * @return the answer
	 */
	AuthAnswer authorizeChannel(@Nullable String socketId, @Nullable String channel, @Nullable Principal principal,
			HttpServletRequest request) {
		try {
			SocketIds.validate(socketId);
			ChannelNames.validate(channel);
		}
		catch (PusherValidationException ex) {
			return AuthAnswer.badRequest(ex.getMessage());
		}
		if (!ChannelNames.requiresAuthorization(channel)) {
			return AuthAnswer.badRequest("Channel '" + channel
					+ "' is public and needs no authorization; authorized channels start with 'private-' or 'presence-'");
		}
		Match match = this.authorizers.find(channel);
		if (match == null) {
			return channelDenied(channel, null, principal, socketId, "no authorizer matches the channel");
		}
		String pattern = match.entry().pattern().source();
		if (principal == null && !this.allowAnonymous) {
			return channelDenied(channel, pattern, null, socketId, "caller is not authenticated");
		}
		if (ChannelNames.isEncrypted(channel) && this.encryption == null) {
			return channelDenied(channel, pattern, principal, socketId,
					"encrypted channel, but pusher.encryption-master-key is not set");
		}
		ChannelAuthorization authorization;
		try {
			authorization = match.entry()
				.authorizer()
				.authorize(new ChannelAuthorizationContext(channel, socketId, match.variables(), principal, request));
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			logger.warn("Channel authorizer " + match.entry() + " failed for channel " + channel
					+ "; the subscription is denied", ex);
			return channelDenied(channel, pattern, principal, socketId,
					"authorizer failed: " + ex.getClass().getName());
		}
		if (authorization instanceof Granted granted) {
			return granted(channel, match, granted, principal, socketId);
		}
		String reason = (authorization instanceof Denied denied) ? denied.reason() : "authorizer returned null";
		return channelDenied(channel, pattern, principal, socketId, reason);
	}

	private AuthAnswer granted(String channel, Match match, Granted granted, @Nullable Principal principal,
			String socketId) {
		String pattern = match.entry().pattern().source();
		String overLimit = (this.connectionLimit != null) ? this.connectionLimit.refusal(channel) : null;
		if (overLimit != null) {
			return decided(
					event(Kind.CHANNEL_AUTHORIZATION, Outcome.DENIED, channel, pattern, principal, socketId,
							"connection limit: " + overLimit),
					AuthAnswer.forbidden("Too many connections: " + overLimit));
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
				channelData = channelData(member);
			}
			catch (IllegalArgumentException | tools.jackson.core.JacksonException ex) {
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
		return decided(event(Kind.CHANNEL_AUTHORIZATION, Outcome.GRANTED, channel, pattern, principal, socketId,
				"granted by " + match.entry().description()), new AuthAnswer.Signed(body));
	}

	/**
	 * The {@code channel_data} of a presence member: the exact text that is signed.
	 */
	private static String channelData(PresenceMember member) {
		if (member.userId().length() > PusherLimits.MAX_USER_ID_LENGTH) {
			throw new IllegalArgumentException("user id is " + member.userId().length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_USER_ID_LENGTH);
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("user_id", member.userId());
		if (!member.userInfo().isEmpty()) {
			String userInfo = json.writeValueAsString(member.userInfo());
			int bytes = userInfo.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_USER_INFO_BYTES) {
				throw new IllegalArgumentException(
						"user_info is " + bytes + " bytes of JSON; Pusher allows at most " + MAX_USER_INFO_BYTES);
			}
			// written once: the text measured is the text signed
			data.put("user_info", new RawValue(userInfo));
		}
		return json.writeValueAsString(data);
	}

	/**
	 * Authenticate a user for {@code pusher:signin}.
	 * @param socketId the {@code socket_id} field, as sent
	 * @param principal the caller, {@code null} if anonymous
	 * @param request the HTTP request
	 * @return the answer
	 */
	AuthAnswer authenticateUser(@Nullable String socketId, @Nullable Principal principal, HttpServletRequest request) {
		try {
			SocketIds.validate(socketId);
		}
		catch (PusherValidationException ex) {
			return AuthAnswer.badRequest(ex.getMessage());
		}
		if (principal == null && !this.allowAnonymous) {
			return userDenied(null, socketId, "caller is not authenticated");
		}
		PusherUser user;
		try {
			user = this.userResolver.resolve(principal, request);
		}
		catch (RuntimeException | LinkageError | AssertionError ex) {
			logger.warn("Pusher user resolver " + this.userResolver + " failed; the sign-in is denied", ex);
			return userDenied(principal, socketId, "user resolver failed: " + ex.getClass().getName());
		}
		if (user == null) {
			return userDenied(principal, socketId, "user resolver returned no user");
		}
		String userData;
		try {
			ChannelNames.validateUserId(user.id());
			userData = userData(user);
		}
		catch (PusherValidationException | tools.jackson.core.JacksonException ex) {
			logger.warn("Pusher user resolver " + this.userResolver + " returned a user that Pusher would refuse ("
					+ ex.getMessage() + "); the sign-in is denied");
			return userDenied(principal, socketId, "user breaks Pusher's rules: " + ex.getMessage());
		}
		Map<String, String> body = new LinkedHashMap<>();
		body.put("auth", this.signer.get().user(socketId, userData));
		body.put("user_data", userData);
		return decided(event(Kind.USER_AUTHENTICATION, Outcome.GRANTED, null, null, principal, socketId,
				"signed in as " + user.id()), new AuthAnswer.Signed(body));
	}

	private static String userData(PusherUser user) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", user.id());
		if (!user.userInfo().isEmpty()) {
			data.put("user_info", user.userInfo());
		}
		if (!user.watchlist().isEmpty()) {
			user.watchlist().forEach(ChannelNames::validateUserId);
			data.put("watchlist", user.watchlist());
		}
		return json.writeValueAsString(data);
	}

	private AuthAnswer channelDenied(String channel, @Nullable String pattern, @Nullable Principal principal,
			String socketId, String reason) {
		return decided(event(Kind.CHANNEL_AUTHORIZATION, Outcome.DENIED, channel, pattern, principal, socketId, reason),
				AuthAnswer.forbidden("Not authorized to subscribe to '" + channel + "'"));
	}

	private AuthAnswer userDenied(@Nullable Principal principal, String socketId, String reason) {
		return decided(event(Kind.USER_AUTHENTICATION, Outcome.DENIED, null, null, principal, socketId, reason),
				AuthAnswer.forbidden("Not authorized to sign in"));
	}

	private PusherAuthorizationEvent event(Kind kind, Outcome outcome, @Nullable String channel,
			@Nullable String pattern, @Nullable Principal principal, @Nullable String socketId, String reason) {
		return new PusherAuthorizationEvent(this.clock.instant(), kind, outcome, channel, pattern,
				(principal != null) ? principal.getName() : null, socketId, reason);
	}

	/**
	 * An observation of one request to an auth endpoint, not started.
	 */
	Observation observation(PusherAuthObservationContext context) {
		return PusherAuthObservation.AUTH_REQUEST.observation(this.observationConvention,
				DefaultPusherAuthObservationConvention.INSTANCE, () -> context, this.observationRegistry);
	}

	/**
	 * The one place every decision passes: it is logged and published here, and the
	 * answer carries it to the endpoint's observation.
	 */
	private AuthAnswer decided(PusherAuthorizationEvent event, AuthAnswer answer) {
		if (logger.isDebugEnabled()) {
			logger.debug("Pusher " + event.kind() + " " + event.outcome() + ": channel=" + event.channel()
					+ ", pattern=" + event.pattern() + ", user=" + event.user() + ", reason=" + event.reason());
		}
		try {
			this.events.accept(event);
		}
		catch (RuntimeException ex) {
			logger.warn(
					"A listener of " + PusherAuthorizationEvent.class.getSimpleName() + " failed; the decision stands",
					ex);
		}
		return answer.decidedBy(event);
	}

	@Override
	public String toString() {
		return "PusherAuthService[authorizers=" + this.authorizers.patterns() + ", rateLimiter=" + this.rateLimiter
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

}
