package io.pusherspring.auth;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.ChannelAuthorizerRegistry.Match;

/**
 * Where {@link PusherAuthService} stands in a decision once its own checks are done: the
 * response is known, or the application's authorizer or user resolver must be asked. An
 * endpoint asks them on a thread of its choosing, then hands the outcome back.
 */
sealed interface AuthStep permits AuthStep.Answered, AuthStep.AuthorizeChannel, AuthStep.ResolveUser {

	/**
	 * The response is known.
	 *
	 * @param response the response
	 */
	record Answered(AuthResponse response) implements AuthStep {

	}

	/**
	 * The authorizer of the channel's pattern must decide.
	 *
	 * @param match the authorizer and what its pattern captured
	 * @param context what the authorizer decides on
	 */
	record AuthorizeChannel(Match match, ChannelAuthorizationContext context) implements AuthStep {

		ChannelAuthorizer authorizer() {
			return this.match.entry().authorizer();
		}

	}

	/**
	 * The user resolver must name the user who signs in.
	 *
	 * @param resolver the resolver
	 * @param principal the caller, {@code null} if anonymous
	 * @param socketId the validated socket id
	 * @param request the request
	 */
	record ResolveUser(PusherUserResolver resolver, @Nullable Principal principal, String socketId,
			AuthRequest request) implements AuthStep {

	}

}
