package io.pusherspring.auth;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.util.WebUtils;

/**
 * An {@link AuthRequest} over a servlet request.
 */
final class ServletAuthRequest implements AuthRequest {

	private final HttpServletRequest request;

	private ServletAuthRequest(HttpServletRequest request) {
		this.request = request;
	}

	static AuthRequest of(HttpServletRequest request) {
		Assert.notNull(request, "'request' must not be null");
		return new ServletAuthRequest(request);
	}

	@Override
	public String getMethod() {
		return this.request.getMethod();
	}

	@Override
	public String getPath() {
		return UrlPathHelper.defaultInstance.getPathWithinApplication(this.request);
	}

	@Override
	public @Nullable String getHeader(String name) {
		return this.request.getHeader(name);
	}

	@Override
	public List<String> getHeaderValues(String name) {
		Enumeration<String> values = this.request.getHeaders(name);
		return (values != null) ? Collections.list(values) : List.of();
	}

	@Override
	public @Nullable String getRemoteAddress() {
		return this.request.getRemoteAddr();
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.request.getAttribute(name);
	}

	@Override
	public <T> @Nullable T getNativeRequest(Class<T> type) {
		return WebUtils.getNativeRequest(this.request, type);
	}

	@Override
	public String toString() {
		return "ServletAuthRequest[" + this.request.getMethod() + " " + this.request.getRequestURI() + "]";
	}

}
