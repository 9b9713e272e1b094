package io.pusherspring.servlet.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body a filter has already read: serves the same bytes again, as a
 * stream or a reader, with their length as the content length, to whatever handles the
 * request after the filter.
 * <p>
 * Not API: shared by the auth and webhook filters, public only because Java has no other
 * way to share a class across packages. Applications do not need it, it is left out of
 * the published Javadoc, and it may change in any release.
 */
public class ReplayedBodyRequest extends HttpServletRequestWrapper {

	private final byte[] body;

	/**
	 * Wrap a request whose body has been read.
	 * @param request the request
	 * @param body the body that was read, served again
	 */
	public ReplayedBodyRequest(HttpServletRequest request, byte[] body) {
		super(request);
		this.body = body;
	}

	@Override
	public ServletInputStream getInputStream() {
		return new BodyInputStream(this.body);
	}

	@Override
	public BufferedReader getReader() {
		return new BufferedReader(new InputStreamReader(new ByteArrayInputStream(this.body), readerCharset()));
	}

	/**
	 * The charset {@link #getReader()} decodes the body with.
	 * @return the request's character encoding, or UTF-8 if it names none
	 */
	protected Charset readerCharset() {
		String encoding = getCharacterEncoding();
		return (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
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
			catch (IOException ex) {
				listener.onError(ex);
			}
		}

	}

}
