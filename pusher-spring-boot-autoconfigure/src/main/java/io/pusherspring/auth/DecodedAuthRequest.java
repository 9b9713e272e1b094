package io.pusherspring.auth;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request to an auth endpoint whose body {@link PusherAuthRequestFilter} has read and
 * decoded: it serves the same bytes again, and its parameters are the decoded form's,
 * then, for names the form does not have, the wrapped request's (its query string). The
 * container's form parsing, which could fail, is never asked for the body.
 */
final class DecodedAuthRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	private final Map<String, List<String>> form;

	private @Nullable Map<String, String[]> parameters;

	DecodedAuthRequest(HttpServletRequest request, byte[] body, Map<String, List<String>> form) {
		super(request);
		this.body = body;
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
	public ServletInputStream getInputStream() {
		return new BodyInputStream(this.body);
	}

	@Override
	public BufferedReader getReader() {
		// the body decoded as UTF-8, whatever charset it named
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), StandardCharsets.UTF_8));
	}

	@Override
	public int getContentLength() {
		return this.body.length;
	}

	@Override
	public long getContentLengthLong() {
		return this.body.length;
	}

	private static final class BodyInputStream extends ServletInputStream {

		private final ByteArrayInputStream delegate;

		BodyInputStream(byte[] body) {
			this.delegate = new ByteArrayInputStream(body);
		}

		@Override
		public int read() {
			return this.delegate.read();
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			return this.delegate.read(buffer, offset, length);
		}

		@Override
		public boolean isFinished() {
			return this.delegate.available() == 0;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			try {
				if (!isFinished()) {
					listener.onDataAvailable();
				}
				listener.onAllDataRead();
			}
			catch (java.io.IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
