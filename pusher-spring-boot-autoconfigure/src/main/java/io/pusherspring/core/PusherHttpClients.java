package io.pusherspring.core;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.http.client.HttpComponentsHttpAsyncClientBuilder;
import org.springframework.boot.http.client.HttpComponentsHttpClientBuilder;

/**
 * The two Apache HttpClient 5 clients of {@link HttpPusherTransport}, built by Spring
 * Boot's {@link HttpComponentsHttpClientBuilder} and
 * {@link HttpComponentsHttpAsyncClientBuilder} from the transport's
 * {@link HttpPusherTransport.Settings}: Boot applies the timeouts, the SSL bundle (else
 * the JVM's TLS defaults) and the JVM's proxy properties, and refuses redirects; this
 * class adds what Boot's settings do not carry: the pool size, the user agent, a response
 * timeout and a pool lease timeout, and no retries, cookies or authentication caching of
 * the client's own (retries belong to {@link PusherTemplate}).
 */
final class PusherHttpClients {

	/**
	 * The non-blocking client's I/O threads look for expired timeouts this often (1s by
	 * default), so a read timeout fires at most this late.
	 */
	private static final TimeValue TIMEOUT_PRECISION = TimeValue.ofMilliseconds(100);

	private PusherHttpClients() {
	}

	static CloseableHttpClient blocking(HttpPusherTransport.Settings settings) {
		return new HttpComponentsHttpClientBuilder()
			.withConnectionManagerCustomizer((manager) -> manager.setMaxConnTotal(settings.maxConnections())
				.setMaxConnPerRoute(settings.maxConnections()))
			.withSocketConfigCustomizer(
					(socket) -> socket.setTcpNoDelay(true).setSoTimeout(Timeout.of(settings.readTimeout())))
			.withDefaultRequestConfigCustomizer((request) -> timeouts(request, settings))
			.withCustomizer((client) -> ownHandlingOff(client).setUserAgent(settings.userAgent()))
			.build(settings.httpClientSettings());
	}

	/**
	 * A started non-blocking client: a fixed set of I/O threads serves every request in
	 * flight, and answers complete on them.
	 */
	static CloseableHttpAsyncClient nonBlocking(HttpPusherTransport.Settings settings) {
		CloseableHttpAsyncClient client = new HttpComponentsHttpAsyncClientBuilder()
			.withConnectionManagerCustomizer((manager) -> manager.setMaxConnTotal(settings.maxConnections())
				.setMaxConnPerRoute(settings.maxConnections())
				.setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build()))
			.withDefaultRequestConfigCustomizer((request) -> timeouts(request, settings))
			.withCustomizer((builder) -> ownHandlingOff(builder).setUserAgent(settings.userAgent())
				.setIOReactorConfig(
						IOReactorConfig.custom().setTcpNoDelay(true).setSelectInterval(TIMEOUT_PRECISION).build()))
			.build(settings.httpClientSettings());
		client.start();
		return client;
	}

	private static void timeouts(RequestConfig.Builder request, HttpPusherTransport.Settings settings) {
		request.setResponseTimeout(Timeout.of(settings.readTimeout()))
			.setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
			.setRedirectsEnabled(false);
	}

	private static HttpClientBuilder ownHandlingOff(HttpClientBuilder client) {
		return client.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching();
	}

	private static HttpAsyncClientBuilder ownHandlingOff(HttpAsyncClientBuilder client) {
		return client.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching();
	}

}
