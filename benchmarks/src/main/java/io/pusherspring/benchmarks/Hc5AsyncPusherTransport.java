package io.pusherspring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.pusher.rest.SignatureUtil;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
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
import org.apache.hc.core5.util.Timeout;

/**
 * PROTOTYPE, for measurement only: the asynchronous half of {@code HttpPusherTransport}
 * on Apache HttpClient 5's non-blocking client instead of the JDK's
 * {@code java.net.http.HttpClient}. Same signing, same pool size; answers complete on the
 * client's I/O reactor thread, so an exchange costs no thread hand-off beyond the reactor
 * and, unlike {@code HttpClient.sendAsync}, never a thread of {@code CompletableFuture}'s
 * default executor (a new thread per task when the common pool's parallelism is 1, that
 * is on 1 or 2 CPUs).
 *
 * @author pusher-spring-boot
 */
final class Hc5AsyncPusherTransport implements PusherTransport, AutoCloseable {

	private final PusherCredentials credentials;

	private final String scheme;

	private final String authority;

	private final CloseableHttpAsyncClient client;

	Hc5AsyncPusherTransport(PusherCredentials credentials, URI endpoint, int maxConnections) {
		this.credentials = credentials;
		this.scheme = endpoint.getScheme();
		this.authority = endpoint.getHost() + ":" + endpoint.getPort();
		this.client = HttpAsyncClients.custom()
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(maxConnections)
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofSeconds(2))
					.setSocketTimeout(Timeout.ofSeconds(5))
					.build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(5, TimeUnit.SECONDS).build())
			.setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
			.setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
			.setUserAgent("pusher-spring-boot")
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.build();
		this.client.start();
	}

	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		URI uri = SignatureUtil.uri(request.method(), this.scheme, this.authority,
				"/apps/" + this.credentials.appId() + request.path(), request.body(), this.credentials.key(),
				this.credentials.secret(), request.query());
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
				result.completeExceptionally(new PusherConnectionException(
						request.describe() + " did not complete: " + ex.getClass().getSimpleName(), null));
			}

			@Override
			public void cancelled() {
				result
					.completeExceptionally(new PusherConnectionException(request.describe() + " was cancelled", null));
			}

		});
		return result;
	}

	@Override
	public void close() throws IOException {
		this.client.close(CloseMode.GRACEFUL);
	}

}
