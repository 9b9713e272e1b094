package io.pusherspring.auth;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import io.pusherspring.servlet.internal.ReplayedBodyRequest;

/**
 * A request to an auth endpoint whose body {@link PusherAuthRequestFilter} has read and
 * decoded: it serves the same bytes again, and its parameters are the decoded form's,
 * then, for names the form does not have, the wrapped request's (its query string). The
 * container's form parsing, which could fail, is never asked for the body.
 */
final class DecodedAuthRequest extends ReplayedBodyRequest {

	private final Map<String, List<String>> form;

	private @Nullable Map<String, String[]> parameters;

	DecodedAuthRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> form) {
		super(request, body);
		this.form = form;
	}

	@Override
	public @Nullable String getParameter(String name) {
		List<String> values = this.form.get(name);
		return (values != null) ? values.get(0) : super.getParameter(name);
	}

	@Override
	public String @Nullable [] getParameterValues(String name) {
		List<String> values = this.form.get(name);
		return (values != null) ? values.toArray(String[]::new) : super.getParameterValues(name);
	}

	@Override
	public Map<String, String[]> getParameterMap() {
		if (this.parameters == null) {
			Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
			this.form.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
			this.parameters = Collections.unmodifiableMap(parameters);
		}
		return this.parameters;
	}

	@Override
	public Enumeration<String> getParameterNames() {
		return Collections.enumeration(getParameterMap().keySet());
	}

	@Override
	protected Charset readerCharset() {
		// the body decoded as UTF-8, whatever charset it named
		return StandardCharsets.UTF_8;
	}

}
