package io.pusherspring.core;

import java.io.IOException;
import java.util.List;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * The configuration both Apache HttpClient 5 clients of {@link HttpPusherTransport}, the
 * classic and the non-blocking one, are built from: derived once from the transport's
 * {@link HttpPusherTransport.Settings}, so that pool size, timeouts, user agent and TLS
 * are the same for blocking and asynchronous calls. Both clients also honour the JVM's
 * proxy properties ({@code https.proxyHost}, {@code http.proxyHost},
 * {@code http.nonProxyHosts}, ...).
 *
 * @param target the API's scheme, host and port
 * @param maxConnections the most connections each client keeps open
 * @param userAgent the {@code User-Agent} header
 * @param connection connect and socket timeouts
 * @param request response and pool lease timeouts
 * @param tls the TLS strategy: the bundle's, or the JVM's defaults
 */
record HttpClientConfig(HttpHost target, int maxConnections, String userAgent, ConnectionConfig connection,
		RequestConfig request, DefaultClientTlsStrategy tls) {

	static final ContentType JSON = ContentType.APPLICATION_JSON;

	static HttpClientConfig of(HttpHost target, HttpPusherTransport.Settings settings) {
		Timeout connectTimeout = Timeout.of(settings.connectTimeout());
		Timeout readTimeout = Timeout.of(settings.readTimeout());
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(connectTimeout)
			.setSocketTimeout(readTimeout)
			.build();
		RequestConfig request = RequestConfig.custom()
			.setResponseTimeout(readTimeout)
			.setConnectionRequestTimeout(connectTimeout)
			.setRedirectsEnabled(false)
			.build();
		return new HttpClientConfig(target, settings.maxConnections(), settings.userAgent(), connection, request,
				tlsStrategy(settings.tls()));
	}

	private static DefaultClientTlsStrategy tlsStrategy(HttpPusherTransport.@Nullable Tls tls) {
		if (tls == null) {
			return DefaultClientTlsStrategy.createSystemDefault();
		}
		return new DefaultClientTlsStrategy(tls.sslContext(), array(tls.protocols()), array(tls.ciphers()),
				SSLBufferMode.STATIC, HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier());
	}

	private static String @Nullable [] array(List<String> values) {
		return values.isEmpty() ? null : values.toArray(String[]::new);
	}

	/**
	 * An I/O failure of one exchange, and whether the request had been sent, that is
	 * whether the client had started writing its body.
	 */
	static final class Unanswered extends IOException {

		private final boolean requestSent;

		Unanswered(Throwable cause, boolean requestSent) {
			super(cause);
			this.requestSent = requestSent;
		}

		boolean isRequestSent() {
			return this.requestSent;
		}

	}

}
