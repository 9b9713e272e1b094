package io.pusherspring.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;

import io.pusherspring.core.RequestSigner.SignedRequest;

/**
 * Blocking calls of {@link HttpPusherTransport}, over Apache HttpClient 5's pooled
 * classic client.
 */
final class BlockingHttpExchange implements AutoCloseable {

	private final HttpHost target;

	private final CloseableHttpClient client;

	BlockingHttpExchange(HttpHost target, CloseableHttpClient client) {
		this.target = target;
		this.client = client;
	}

	/**
	 * Send a request and read the answer.
	 * @param request the request, to describe it
	 * @param signed the request to send
	 * @return the answer, successful or not
	 * @throws PusherConnectionException if no answer arrived
	 */
	PusherResponse send(PusherRequest request, SignedRequest signed) {
		BasicClassicHttpRequest httpRequest = new BasicClassicHttpRequest(signed.method(), this.target,
				signed.pathAndQuery());
		TrackedEntity body = (signed.body() != null) ? new TrackedEntity(signed.body()) : null;
		httpRequest.setEntity(body);
		try {
			return ExchangeResults.answered(this.client.execute(httpRequest, BlockingHttpExchange::read), signed);
		}
		catch (IOException ex) {
			throw ExchangeResults.unanswered(request, signed, ex, body != null && body.written);
		}
	}

	private static PusherResponse read(ClassicHttpResponse response) throws IOException {
		HttpEntity entity = response.getEntity();
		String body = (entity != null) ? new String(EntityUtils.toByteArray(entity), StandardCharsets.UTF_8) : "";
		Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
		return new PusherResponse(response.getCode(), body, (retryAfter != null) ? retryAfter.getValue() : null);
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

	/**
	 * A JSON body that knows whether the client started writing it.
	 */
	private static final class TrackedEntity extends AbstractHttpEntity {

		private final byte[] body;

		private volatile boolean written;

		TrackedEntity(byte[] body) {
			super(ContentType.APPLICATION_JSON, null);
			this.body = body;
		}

		@Override
		public void writeTo(OutputStream out) throws IOException {
			this.written = true;
			out.write(this.body);
			out.flush();
		}

		@Override
		public InputStream getContent() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public long getContentLength() {
			return this.body.length;
		}

		@Override
		public boolean isRepeatable() {
			return true;
		}

		@Override
		public boolean isStreaming() {
			return false;
		}

		@Override
		public void close() {
		}

	}

}
