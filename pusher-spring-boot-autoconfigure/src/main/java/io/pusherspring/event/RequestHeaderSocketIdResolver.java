package io.pusherspring.event;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the socket id from a header of the servlet request bound to the current thread,
 * as pusher-js applications send it (Laravel Echo's {@code X-Socket-ID}).
 */
public class RequestHeaderSocketIdResolver implements SocketIdResolver {

	private final String headerName;

	/**
	 * Create a resolver.
	 * @param headerName the request header that carries the socket id
	 */
	public RequestHeaderSocketIdResolver(String headerName) {
		Assert.hasText(headerName, "'headerName' must not be empty");
		this.headerName = headerName;
	}

	@Override
	public @Nullable String resolveSocketId() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servletAttributes) {
			return servletAttributes.getRequest().getHeader(this.headerName);
		}
		return null;
	}

}
