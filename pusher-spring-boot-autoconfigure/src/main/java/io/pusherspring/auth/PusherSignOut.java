package io.pusherspring.auth;

import java.security.Principal;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.pusherspring.core.PusherException;
import io.pusherspring.core.PusherOperations;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionDestroyedEvent;
import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Terminates a user's Pusher connections
 * ({@link PusherOperations#terminateUserConnections}) when they sign out of the
 * application: when Spring Security logs them out ({@link LogoutSuccessEvent}) and when
 * their HTTP session ends or expires ({@link SessionDestroyedEvent}, published by Spring
 * Security's {@code HttpSessionEventPublisher} for the servlet container's sessions and
 * for Spring Session's, if its repository publishes session events).
 * <p>
 * The Pusher user ids are those the user authentication endpoint signed in: its
 * {@link #remembering(PusherUserResolver) resolver} remembers them in the HTTP session
 * that signed in, which is all there is to read when a session expires. A logout also
 * asks the {@link PusherUserResolver} with the logged-out {@link Authentication} and the
 * logout request, for callers without a session. A Pusher failure never fails the
 * sign-out: it is logged as one warning.
 */
public final class PusherSignOut {

	/**
	 * The session attribute that holds the Pusher user ids signed in through a session.
	 */
	public static final String USER_IDS_ATTRIBUTE = PusherSignOut.class.getName() + ".USER_IDS";

	/** A request attribute with the ids already terminated while handling the request. */
	private static final String TERMINATED_ATTRIBUTE = PusherSignOut.class.getName() + ".TERMINATED";

	private static final Log logger = LogFactory.getLog(PusherSignOut.class);

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final PusherOperations operations;

	private final PusherUserResolver userResolver;

	/**
	 * Create a sign-out that terminates through the given operations.
	 * @param operations the operations whose {@code terminateUserConnections} is called
	 * @param userResolver the resolver of the user authentication endpoint
	 */
	public PusherSignOut(PusherOperations operations, PusherUserResolver userResolver) {
		Assert.notNull(operations, "'operations' must not be null");
		Assert.notNull(userResolver, "'userResolver' must not be null");
		this.operations = operations;
		this.userResolver = userResolver;
	}

	/**
	 * A resolver that resolves with the given one and remembers the id of each user it
	 * resolves in the request's HTTP session, if the request has one, so that the user's
	 * connections can be terminated when the session ends.
	 * @param resolver the resolver that decides
	 * @return the remembering resolver
	 */
	public static PusherUserResolver remembering(PusherUserResolver resolver) {
		Assert.notNull(resolver, "'resolver' must not be null");
		return new RememberingUserResolver(resolver);
	}

	/**
	 * Terminate the connections of a user whom Spring Security logged out.
	 * @param event the logout
	 */
	@EventListener
	public void onLogout(LogoutSuccessEvent event) {
		if (trustResolver.isAnonymous(event.getAuthentication())) {
			return;
		}
		Set<String> userIds = new LinkedHashSet<>();
		HttpServletRequest request = currentRequest();
		if (request != null) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				userIds.addAll(rememberedIn(session));
				session.removeAttribute(USER_IDS_ATTRIBUTE);
			}
			PusherUser user = resolve(event.getAuthentication(), request);
			if (user != null) {
				userIds.add(user.id());
			}
		}
		terminate(userIds, "logout of " + event.getAuthentication().getName());
	}

	/**
	 * Terminate the connections signed in through an HTTP session that ended or expired.
	 * @param event the end of the session
	 */
	@EventListener
	public void onSessionDestroyed(SessionDestroyedEvent event) {
		Object source = event.getSource();
		Set<String> userIds = (source instanceof HttpSession session) ? rememberedIn(session) : Set.of();
		if (userIds.isEmpty()) {
			return;
		}
		String users = event.getSecurityContexts()
			.stream()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication != null)
			.map(Authentication::getName)
			.distinct()
			.toList()
			.toString();
		terminate(userIds, "end of the session of " + users);
	}

	private @Nullable PusherUser resolve(Principal principal, HttpServletRequest request) {
		try {
			return this.userResolver.resolve(principal, ServletAuthRequest.of(request));
		}
		catch (RuntimeException ex) {
			logger.warn("Pusher user resolver " + this.userResolver + " failed for the logout of " + principal.getName()
					+ " (" + ex.getClass().getName() + "); the connections it would name are not terminated");
			return null;
		}
	}

	private void terminate(Collection<String> userIds, String cause) {
		HttpServletRequest request = currentRequest();
		Set<String> terminated = terminatedWhileHandling(request);
		for (String userId : userIds) {
			if (!terminated.add(userId)) {
				continue;
			}
			try {
				this.operations.terminateUserConnections(userId);
				if (logger.isDebugEnabled()) {
					logger.debug("Terminated the Pusher connections of user " + userId + " on " + cause);
				}
			}
			catch (PusherException ex) {
				logger.warn("Could not terminate the Pusher connections of user " + userId + " on " + cause
						+ "; the sign-out stands: " + ex.getMessage());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not terminate the Pusher connections of user " + userId + " on " + cause
						+ "; the sign-out stands: " + ex.getClass().getName());
			}
		}
		if (request != null) {
			request.setAttribute(TERMINATED_ATTRIBUTE, terminated);
		}
	}

	/**
	 * The ids terminated while handling the current request: a logout that invalidates
	 * the session ends it first, and its logout event must not terminate them again.
	 */
	@SuppressWarnings("unchecked")
	private static Set<String> terminatedWhileHandling(@Nullable HttpServletRequest request) {
		Object terminated = (request != null) ? request.getAttribute(TERMINATED_ATTRIBUTE) : null;
		return (terminated instanceof Set<?> set) ? (Set<String>) set : new LinkedHashSet<>();
	}

	static Set<String> rememberedIn(HttpSession session) {
		Object ids;
		try {
			ids = session.getAttribute(USER_IDS_ATTRIBUTE);
		}
		catch (IllegalStateException ex) {
			// invalidated already
			return Set.of();
		}
		Set<String> userIds = new LinkedHashSet<>();
		if (ids instanceof Collection<?> collection) {
			collection.forEach((id) -> userIds.add(String.valueOf(id)));
		}
		return userIds;
	}

	private static @Nullable HttpServletRequest currentRequest() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
	}

	@Override
	public String toString() {
		return "PusherSignOut[userResolver=" + this.userResolver + "]";
	}

	private record RememberingUserResolver(PusherUserResolver resolver) implements PusherUserResolver {

		@Override
		public @Nullable PusherUser resolve(@Nullable Principal principal, AuthRequest request) {
			PusherUser user = this.resolver.resolve(principal, request);
			HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
			HttpSession session = (user != null && servletRequest != null) ? servletRequest.getSession(false) : null;
			if (session != null) {
				Set<String> userIds = rememberedIn(session);
				if (userIds.add(user.id())) {
					// a new value each time, so that Spring Session saves the change
					session.setAttribute(USER_IDS_ATTRIBUTE, new TreeSet<>(userIds));
				}
			}
			return user;
		}

		@Override
		public String toString() {
			return this.resolver.toString();
		}

	}

}
