package io.pusherspring.core;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.io.CloseMode;

import io.pusherspring.core.HttpClientConfig.Unanswered;
import io.pusherspring.core.RequestSigner.SignedRequest;

/**
 * Blocking calls of {@link HttpPusherTransport}, over Apache HttpClient 5's pooled
 * classic client.
 */
final class BlockingHttpExchange implements AutoCloseable {

	private final HttpClientConfig config;

	private final CloseableHttpClient client;

	BlockingHttpExchange(HttpClientConfig config) {
		this.config = config;
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setMaxConnTotal(config.maxConnections())
				.setMaxConnPerRoute(config.maxConnections())
				.setDefaultConnectionConfig(config.connection())
				.setDefaultSocketConfig(SocketConfig.custom()
					.setSoTimeout(config.connection().getSocketTimeout())
					.setTcpNoDelay(true)
					.build())
				.setTlsSocketStrategy(config.tls())
				.build())
			.setDefaultRequestConfig(config.request())
			.setUserAgent(config.userAgent())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.useSystemProperties()
			.build();
	}

	/**
	 * Send a request and read the answer.
	 * @throws Unanswered if no answer arrived
	 */
	PusherResponse send(SignedRequest request) throws Unanswered {
		BasicClassicHttpRequest httpRequest = new BasicClassicHttpRequest(request.method(), this.config.target(),
				request.pathAndQuery());
		TrackedEntity body = (request.body() != null) ? new TrackedEntity(request.body()) : null;
		httpRequest.setEntity(body);
		try {
			return this.client.execute(httpRequest, BlockingHttpExchange::read);
		}
		catch (IOException ex) {
			throw new Unanswered(ex, body != null && body.written);
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
			super(HttpClientConfig.JSON, null);
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
