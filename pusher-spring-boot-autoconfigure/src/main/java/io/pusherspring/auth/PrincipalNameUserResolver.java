package io.pusherspring.auth;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * The default {@link PusherUserResolver}: the principal's name as user id. It never
 * blocks, so the Spring WebFlux endpoints call it on the event loop.
 */
final class PrincipalNameUserResolver implements PusherUserResolver {

	static final PrincipalNameUserResolver INSTANCE = new PrincipalNameUserResolver();

	private PrincipalNameUserResolver() {
	}

	@Override
	public @Nullable PusherUser resolve(@Nullable Principal principal, AuthRequest request) {
		return (principal != null) ? PusherUser.of(principal.getName()) : null;
	}

	@Override
	public String toString() {
		return "PusherUserResolver.principalName()";
	}

}
