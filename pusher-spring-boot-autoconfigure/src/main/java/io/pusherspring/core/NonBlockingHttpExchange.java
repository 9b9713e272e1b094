package io.pusherspring.core;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducerWrapper;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;

import io.pusherspring.core.HttpClientConfig.Unanswered;
import io.pusherspring.core.RequestSigner.SignedRequest;

/**
 * Asynchronous calls of {@link HttpPusherTransport}, over Apache HttpClient 5's
 * non-blocking client: a fixed set of I/O threads serves every request in flight, and
 * answers complete on them. Chosen over the JDK's {@code HttpClient}, whose answers
 * started a new thread each on a one- or two-CPU machine and cost several times the CPU
 * of a blocking call in a one-off prototype comparison (commit 05eee9d; that prototype is
 * not kept in the benchmarks module).
 */
final class NonBlockingHttpExchange implements AutoCloseable {

	/**
	 * The I/O threads look for expired timeouts this often (1s by default), so a read
	 * timeout fires at most this late.
	 */
	private static final TimeValue TIMEOUT_PRECISION = TimeValue.ofMilliseconds(100);

	private final HttpClientConfig config;

	private final CloseableHttpAsyncClient client;

	NonBlockingHttpExchange(HttpClientConfig config) {
		this.config = config;
		this.client = HttpAsyncClients.custom()
			.setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
				.setMaxConnTotal(config.maxConnections())
				.setMaxConnPerRoute(config.maxConnections())
				.setDefaultConnectionConfig(config.connection())
				.setTlsStrategy(config.tls())
				.build())
			.setDefaultRequestConfig(config.request())
			.setIOReactorConfig(
					IOReactorConfig.custom().setTcpNoDelay(true).setSelectInterval(TIMEOUT_PRECISION).build())
			.setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
			.setUserAgent(config.userAgent())
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.useSystemProperties()
			.build();
		this.client.start();
	}

	/**
	 * Send a request; the future fails with {@link Unanswered} if no answer arrives.
	 */
	CompletableFuture<PusherResponse> send(SignedRequest request) {
		BasicHttpRequest head = new BasicHttpRequest(request.method(), this.config.target(), request.pathAndQuery());
		TrackedProducer body = (request.body() != null) ? new TrackedProducer(request.body()) : null;
		CompletableFuture<PusherResponse> result = new CompletableFuture<>();
		this.client.execute(new BasicRequestProducer(head, body), SimpleResponseConsumer.create(),
				new FutureCallback<>() {

					@Override
					public void completed(SimpleHttpResponse response) {
						String text = response.getBodyText();
						Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
						result.complete(new PusherResponse(response.getCode(), (text != null) ? text : "",
								(retryAfter != null) ? retryAfter.getValue() : null));
					}

					@Override
					public void failed(Exception ex) {
						result.completeExceptionally(new Unanswered(ex, body != null && body.written));
					}

					@Override
					public void cancelled() {
						result.completeExceptionally(
								new Unanswered(new CancellationException("cancelled"), body != null && body.written));
					}

				});
		return result;
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

	/**
	 * A JSON body that knows whether the client started writing it: it produces its
	 * content only once the connection is established and the request head is out.
	 */
	private static final class TrackedProducer extends AsyncEntityProducerWrapper {

		private volatile boolean written;

		TrackedProducer(byte[] body) {
			super(new BasicAsyncEntityProducer(body, HttpClientConfig.JSON));
		}

		@Override
		public void produce(DataStreamChannel channel) throws IOException {
			this.written = true;
			super.produce(channel);
		}

	}

}
