package io.pusherspring.integration.webhook;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the body bytes the filters and handlers after it read from the last request, to
 * prove that a large body is refused without being read whole.
 */
public class BodyCountingFilter extends OncePerRequestFilter {

	private final AtomicLong lastBytesRead = new AtomicLong(-1);

	long lastBytesRead() {
		return this.lastBytesRead.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		AtomicLong count = new AtomicLong();
		try {
			chain.doFilter(new CountingRequest(request, count), response);
		}
		finally {
			this.lastBytesRead.set(count.get());
		}
	}

	private static final class CountingRequest extends HttpServletRequestWrapper {

		private final AtomicLong count;

		CountingRequest(HttpServletRequest request, AtomicLong count) {
			super(request);
			this.count = count;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream in = super.getInputStream();
			return new ServletInputStream() {

				@Override
				public int read() throws IOException {
					int b = in.read();
					if (b != -1) {
						CountingRequest.this.count.incrementAndGet();
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = in.read(buffer, offset, length);
					if (n > 0) {
						CountingRequest.this.count.addAndGet(n);
					}
					return n;
				}

				@Override
				public boolean isFinished() {
					return in.isFinished();
				}

				@Override
				public boolean isReady() {
					return in.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					in.setReadListener(listener);
				}

			};
		}

	}

}
