package io.pusherspring.core;

import java.net.URI;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Asynchronous calls of {@link HttpPusherTransport}, over Apache HttpClient 5's
 * non-blocking client: a fixed set of I/O threads serves every request in flight, and
 * answers complete on them. The JDK's {@code HttpClient} was measured 3 to 7 times slower
 * on small machines, where its completions start a new thread each.
 */
final class NonBlockingHttpExchange implements AutoCloseable {

	/**
	 * The I/O threads look for expired timeouts this often (1s by default), so a read
	 * timeout fires at most this late.
	 */
	private static final TimeValue TIMEOUT_PRECISION = TimeValue.ofMilliseconds(100);

	private final CloseableHttpAsyncClient client;

	NonBlockingHttpExchange(HttpPusherTransport.Settings settings, String userAgent) {
		Timeout connectTimeout = Timeout.of(settings.connectTimeout());
		Timeout readTimeout = Timeout.of(settings.readTimeout());
		this.client = HttpAsyncClients.custom()
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(settings.maxConnections())
				.setMaxConnPerRoute(settings.maxConnections())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(connectTimeout)
					.setSocketTimeout(readTimeout)
					.build())
				.useSystemProperties()
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(readTimeout)
				.setConnectionRequestTimeout(readTimeout)
				.build())
			.setIOReactorConfig(
					IOReactorConfig.custom().setTcpNoDelay(true).setSelectInterval(TIMEOUT_PRECISION).build())
			.setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
			.setUserAgent(userAgent)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.useSystemProperties()
			.build();
		this.client.start();
	}

	/**
	 * Send a request; the future fails with the client's own exception if no answer
	 * arrives.
	 */
	CompletableFuture<PusherResponse> send(URI uri, PusherRequest request) {
		SimpleHttpRequest httpRequest = "POST".equals(request.method()) ? SimpleRequestBuilder.post(uri)
			.setBody((request.body() != null) ? request.body() : "", ContentType.APPLICATION_JSON)
			.build() : SimpleRequestBuilder.get(uri).build();
		CompletableFuture<PusherResponse> result = new CompletableFuture<>();
		this.client.execute(httpRequest, new FutureCallback<>() {

			@Override
			public void completed(SimpleHttpResponse response) {
				String body = response.getBodyText();
				result.complete(new PusherResponse(response.getCode(), (body != null) ? body : ""));
			}

			@Override
			public void failed(Exception ex) {
				result.completeExceptionally(ex);
			}

			@Override
			public void cancelled() {
				result.completeExceptionally(new CancellationException("cancelled"));
			}

		});
		return result;
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

}
