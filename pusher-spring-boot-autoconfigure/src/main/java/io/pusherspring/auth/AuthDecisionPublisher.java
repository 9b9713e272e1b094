package io.pusherspring.auth;

import java.security.Principal;
import java.time.Clock;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;
import io.pusherspring.auth.PusherAuthorizationEvent.Outcome;

/**
 * The one place every decision of the auth endpoints passes: it is timed, logged at
 * DEBUG, published as a {@link PusherAuthorizationEvent}, and attached to the response
 * that carries it out (and from there to the endpoint's observation).
 */
final class AuthDecisionPublisher {

	private static final Log logger = LogFactory.getLog(PusherAuthService.class);

	private final Consumer<PusherAuthorizationEvent> events;

	private final Clock clock;

	AuthDecisionPublisher(Consumer<PusherAuthorizationEvent> events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Publish a decision.
	 * @param kind the endpoint
	 * @param outcome the outcome
	 * @param channel the channel, for channel authorizations
	 * @param pattern the pattern of the authorizer that decided, if any did
	 * @param principal the caller, {@code null} if anonymous
	 * @param socketId the socket id, once read
	 * @param reason why, in a few words
	 * @param response the response that carries the decision out
	 * @return the response, with the decision
	 */
	AuthResponse decided(Kind kind, Outcome outcome, @Nullable String channel, @Nullable String pattern,
			@Nullable Principal principal, @Nullable String socketId, String reason, AuthResponse response) {
		PusherAuthorizationEvent event = new PusherAuthorizationEvent(this.clock.instant(), kind, outcome, channel,
				pattern, (principal != null) ? principal.getName() : null, socketId, reason);
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
		return response.decidedBy(event);
	}

}
