package io.pusherspring.auth;

import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * One subscription request that a {@link ChannelAuthorizer} decides: the channel, the
 * socket asking, the values the channel's pattern captured, the caller and the HTTP
 * request, on either web stack.
 */
public final class ChannelAuthorizationContext {

	private final String channelName;

	private final String socketId;

	private final Map<String, String> variables;

	private final @Nullable Principal principal;

	private final AuthRequest request;

	/**
	 * Create a context, as the auth endpoints do; tests of an authorizer create their
	 * own.
	 * @param channelName the channel to subscribe to
	 * @param socketId the socket id of the subscribing connection
	 * @param variables the values of the pattern's variables, by name
	 * @param principal the authenticated caller, or {@code null} for an anonymous one
	 * @param request the HTTP request
	 */
	public ChannelAuthorizationContext(String channelName, String socketId, Map<String, String> variables,
			@Nullable Principal principal, AuthRequest request) {
		Assert.hasText(channelName, "'channelName' must not be empty");
		Assert.hasText(socketId, "'socketId' must not be empty");
		Assert.notNull(variables, "'variables' must not be null");
		Assert.notNull(request, "'request' must not be null");
		this.channelName = channelName;
		this.socketId = socketId;
		this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
		this.principal = principal;
		this.request = request;
	}

	/**
	 * Create a context for a servlet request.
	 * @param channelName the channel to subscribe to
	 * @param socketId the socket id of the subscribing connection
	 * @param variables the values of the pattern's variables, by name
	 * @param principal the authenticated caller, or {@code null} for an anonymous one
	 * @param request the servlet request
	 * @deprecated since 0.1.0 for removal: the context serves both web stacks; use
	 * {@link #ChannelAuthorizationContext(String, String, Map, Principal, AuthRequest)}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public ChannelAuthorizationContext(String channelName, String socketId, Map<String, String> variables,
			@Nullable Principal principal, HttpServletRequest request) {
		this(channelName, socketId, variables, principal, ServletAuthRequest.of(request));
	}

	/**
	 * The channel to subscribe to, such as {@code private-class-7}.
	 * @return the channel name
	 */
	public String channelName() {
		return this.channelName;
	}

	/**
	 * The socket id of the subscribing connection.
	 * @return the socket id
	 */
	public String socketId() {
		return this.socketId;
	}

	/**
	 * The values the pattern's variables captured: {@code private-class-{classId}}
	 * matching {@code private-class-7} gives {@code classId=7}.
	 * @return the values by variable name
	 */
	public Map<String, String> variables() {
		return this.variables;
	}

	/**
	 * The value of one of the pattern's variables.
	 * @param name the variable name
	 * @return its value
	 * @throws IllegalArgumentException if the pattern has no such variable
	 */
	public String variable(String name) {
		String value = this.variables.get(name);
		Assert.isTrue(value != null,
				() -> "The pattern has no variable '" + name + "'; it has " + this.variables.keySet());
		return value;
	}

	/**
	 * The authenticated caller: Spring Security's {@link Authentication} when Spring
	 * Security is in use, else the servlet request's user principal (Spring MVC) or the
	 * exchange's principal (Spring WebFlux).
	 * @return the caller, or {@code null} if anonymous
	 */
	public @Nullable Principal principal() {
		return this.principal;
	}

	/**
	 * The caller's Spring Security {@link Authentication}; needs Spring Security on the
	 * class path.
	 * @return the authentication, or {@code null} if the caller is anonymous or was not
	 * authenticated by Spring Security
	 */
	public @Nullable Authentication authentication() {
		return (this.principal instanceof Authentication authentication) ? authentication : null;
	}

	/**
	 * The name of the authenticated caller.
	 * @return the principal's name, or {@code null} if anonymous
	 */
	public @Nullable String userName() {
		return (this.principal != null) ? this.principal.getName() : null;
	}

	/**
	 * The HTTP request that asked, for headers or attributes an authorizer needs, on
	 * either web stack.
	 * @return the request
	 */
	public AuthRequest httpRequest() {
		return this.request;
	}

	/**
	 * The servlet request that asked.
	 * @return the request
	 * @throws IllegalStateException if the request did not come through the servlet stack
	 * @deprecated since 0.1.0 for removal: use {@link #httpRequest()}, which serves both
	 * web stacks, and its {@link AuthRequest#getNativeRequest(Class)
	 * getNativeRequest(HttpServletRequest.class)} for the servlet request itself
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public HttpServletRequest request() {
		HttpServletRequest servletRequest = this.request.getNativeRequest(HttpServletRequest.class);
		Assert.state(servletRequest != null,
				"The request did not come through the servlet stack; use httpRequest() instead of request()");
		return servletRequest;
	}

	@Override
	public String toString() {
		return "ChannelAuthorizationContext[channel=" + this.channelName + ", socketId=" + this.socketId
				+ ", variables=" + this.variables + ", user=" + userName() + "]";
	}

}
