package io.pusherspring.auth;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The HTTP request that reached an auth endpoint, on either web stack: its headers, the
 * caller's address, its attributes and, for what these do not cover, the request of the
 * web stack itself ({@link #getNativeRequest(Class)}: the servlet request in Spring MVC,
 * the {@code ServerWebExchange} or its {@code ServerHttpRequest} in Spring WebFlux).
 * <p>
 * Read it while the request is being decided; it is not meant to be kept.
 */
public interface AuthRequest {

	/**
	 * The request's method, such as {@code POST}.
	 * @return the method name
	 */
	String getMethod();

	/**
	 * The request's path within the application, without its query string.
	 * @return the path
	 */
	String getPath();

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} if the request has no such header
	 */
	@Nullable String getHeader(String name);

	/**
	 * Every value of a header.
	 * @param name the header name, in any case
	 * @return the values, empty if the request has no such header
	 */
	List<String> getHeaderValues(String name);

	/**
	 * The address of the client or last proxy that sent the request, as text: the servlet
	 * request's remote address, or the host address of the reactive request's remote
	 * address (both after Spring's forwarded-header handling, if configured).
	 * @return the address, or {@code null} if unknown
	 */
	@Nullable String getRemoteAddress();

	/**
	 * An attribute of the request (servlet request attributes, or the exchange's
	 * attributes).
	 * @param name the attribute name
	 * @return the value, or {@code null} if not set
	 */
	@Nullable Object getAttribute(String name);

	/**
	 * The request of the web stack, if it is of the given type, as Spring's
	 * {@code NativeWebRequest.getNativeRequest(Class)} gives it: for example
	 * {@code getNativeRequest(HttpServletRequest.class)} in Spring MVC,
	 * {@code getNativeRequest(ServerWebExchange.class)} or
	 * {@code getNativeRequest(ServerHttpRequest.class)} in Spring WebFlux.
	 * @param <T> the type asked for
	 * @param type the type asked for
	 * @return the request, or {@code null} if the stack's request is not of that type
	 */
	<T> @Nullable T getNativeRequest(Class<T> type);

}
