package io.pusherspring.auth;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

/**
 * Tells who a connection signs in as when pusher-js calls {@code pusher.signin()}: the
 * {@code user_data} of the user authentication endpoint. Without a bean of this type the
 * user's id is the principal's name, with no user information.
 *
 * <pre class="code">
 * &#064;Bean
 * PusherUserResolver pusherUsers(Accounts accounts) {
 *     return (principal, request) -&gt; {
 *         Account account = accounts.byLogin(principal.getName());
 *         return PusherUser.of(account.id(), Map.of("name", account.displayName()));
 *     };
 * }
 * </pre>
 *
 * In a Spring WebFlux application the resolver is called on a thread that may block
 * (Reactor's bounded elastic scheduler), never on an event-loop thread, so it may query a
 * database as it would in Spring MVC.
 */
@FunctionalInterface
public interface PusherUserResolver {

	/**
	 * Resolve the user a connection signs in as.
	 * @param principal the authenticated caller (Spring Security's {@code Authentication}
	 * when in use); {@code null} only for anonymous callers with
	 * {@code pusher.auth.allow-anonymous}
	 * @param request the HTTP request, on either web stack
	 * @return the user, or {@code null} to refuse the sign-in
	 */
	@Nullable PusherUser resolve(@Nullable Principal principal, AuthRequest request);

	/**
	 * The default: the principal's name as user id, anonymous callers refused.
	 * @return the resolver
	 */
	static PusherUserResolver principalName() {
		return PrincipalNameUserResolver.INSTANCE;
	}

}
