package io.pusherspring.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.core5.http.HttpHost;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link PusherTransport}: signs requests as the Pusher HTTP API
 * authenticates them, and sends them over Apache HttpClient 5, blocking calls through its
 * pooled classic client and asynchronous calls through its non-blocking client. Spring
 * Boot's {@code HttpComponentsHttpClientBuilder} and
 * {@code HttpComponentsHttpAsyncClientBuilder} build both clients from the same
 * {@link Settings}: timeouts and SSL bundle (as Boot's {@link HttpClientSettings}), pool
 * size and user agent; both honour the JVM's proxy properties ({@code https.proxyHost},
 * {@code https.proxyPort}, {@code http.proxyHost}, {@code http.proxyPort},
 * {@code http.nonProxyHosts}). Each client, and its TLS context, is built on first use,
 * so that creating a transport costs the application's start-up almost nothing. Neither
 * retries on its own: retries belong to {@link PusherTemplate}.
 * <p>
 * A request that gets no answer fails with a {@link PusherConnectionException} that tells
 * whether the request had been sent ({@link PusherException#isPossiblyDelivered()}). An
 * error answer is returned as it is, with the request's signature removed from its body
 * wherever it appears.
 * <p>
 * Asynchronous answers complete on the HTTP client's I/O threads, so stages chained to
 * them must not block; hand blocking work to an executor of your own
 * ({@code thenApplyAsync(..., executor)}). Cancelling the future of
 * {@link #exchangeAsync} aborts the exchange.
 */
public final class HttpPusherTransport implements PusherTransport, AutoCloseable {

	/** The {@code User-Agent} header sent unless the settings name another. */
	public static final String DEFAULT_USER_AGENT = "pusher-spring-boot";

	private final PusherCredentials credentials;

	private final HttpHost target;

	private final Settings settings;

	private final RequestSigner signer;

	private volatile @Nullable BlockingHttpExchange blocking;

	private volatile @Nullable NonBlockingHttpExchange nonBlocking;

	private boolean closed;

	/**
	 * Create a transport.
	 * @param credentials the app's credentials
	 * @param endpoint the API's base address, such as {@code https://api-mt1.pusher.com}
	 * @param settings timeouts, pool size, user agent and TLS
	 */
	public HttpPusherTransport(PusherCredentials credentials, URI endpoint, Settings settings) {
		Assert.notNull(credentials, "'credentials' must not be null");
		Assert.isTrue(
				StringUtils.hasText(credentials.appId()) && StringUtils.hasText(credentials.key())
						&& StringUtils.hasText(credentials.secret()),
				"Pusher app id, key and secret must not be empty");
		Assert.isTrue(
				endpoint != null && endpoint.getHost() != null
						&& ("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())),
				() -> "Pusher endpoint must be an http or https address with a host, not '" + endpoint + "'");
		Assert.notNull(settings, "'settings' must not be null");
		this.credentials = credentials;
		try {
			this.signer = new RequestSigner(credentials);
		}
		catch (PusherValidationException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
		this.settings = settings;
		this.target = new HttpHost(endpoint.getScheme(), endpoint.getHost(), endpoint.getPort());
	}

	/**
	 * The address requests go to.
	 * @return the scheme, host and port
	 */
	public URI getEndpoint() {
		return URI.create(this.target.toURI());
	}

	/**
	 * The timeouts, pool size, user agent and TLS in use.
	 * @return the settings
	 */
	public Settings getSettings() {
		return this.settings;
	}

	@Override
	public PusherResponse exchange(PusherRequest request) {
		return blocking().send(request, this.signer.sign(request));
	}

	/**
	 * Send a request without blocking the caller or any thread of its own: the future
	 * completes on the client's I/O threads, so a reactive caller can adapt it as it is.
	 * @param request the request
	 * @return the answer, successful or not; completes exceptionally with a
	 * {@link PusherConnectionException} if no answer arrived
	 */
	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		return nonBlocking().send(request, this.signer.sign(request));
	}

	/**
	 * Close both clients, letting requests in flight finish.
	 * @throws IOException never in practice; declared for callers that close transports
	 * generically
	 */
	@Override
	public void close() throws IOException {
		BlockingHttpExchange blocking;
		NonBlockingHttpExchange nonBlocking;
		synchronized (this) {
			this.closed = true;
			blocking = this.blocking;
			nonBlocking = this.nonBlocking;
		}
		try {
			if (blocking != null) {
				blocking.close();
			}
		}
		finally {
			if (nonBlocking != null) {
				nonBlocking.close();
			}
		}
	}

	@Override
	public String toString() {
		return "HttpPusherTransport[endpoint=" + getEndpoint() + ", appId=" + this.credentials.appId() + "]";
	}

	/**
	 * The classic client, built on first use: its pool and the TLS context take long to
	 * set up in a JVM that has not loaded them yet.
	 */
	private BlockingHttpExchange blocking() {
		BlockingHttpExchange started = this.blocking;
		if (started != null) {
			return started;
		}
		synchronized (this) {
			Assert.state(!this.closed, "HttpPusherTransport has been closed");
			if (this.blocking == null) {
				this.blocking = new BlockingHttpExchange(this.target, PusherHttpClients.blocking(this.settings));
			}
			return this.blocking;
		}
	}

	/**
	 * The non-blocking client starts I/O threads, so only applications that publish
	 * asynchronously pay for them.
	 */
	private NonBlockingHttpExchange nonBlocking() {
		NonBlockingHttpExchange started = this.nonBlocking;
		if (started != null) {
			return started;
		}
		synchronized (this) {
			Assert.state(!this.closed, "HttpPusherTransport has been closed");
			if (this.nonBlocking == null) {
				this.nonBlocking = new NonBlockingHttpExchange(this.target,
						PusherHttpClients.nonBlocking(this.settings));
			}
			return this.nonBlocking;
		}
	}

	/**
	 * Connection settings, shared by the blocking and the asynchronous client.
	 *
	 * @param connectTimeout how long to wait for a connection, new or from the pool
	 * @param readTimeout how long to wait for an answer
	 * @param maxConnections the most connections kept open to Pusher, per client
	 * (blocking and asynchronous calls have a pool each)
	 * @param userAgent the {@code User-Agent} header
	 * @param sslBundle the Spring Boot SSL bundle whose trust material (and key material,
	 * for client certificates), protocols and cipher suites the connection uses, or
	 * {@code null} for the JVM's defaults (its trust store and the
	 * {@code javax.net.ssl.*} and {@code https.*} system properties); host names are
	 * always verified
	 */
	public record Settings(Duration connectTimeout, Duration readTimeout, int maxConnections, String userAgent,
			@Nullable SslBundle sslBundle) {

		/** Defaults: 2s to connect, 5s to answer, 50 connections, the JVM's TLS. */
		public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 50);

		/**
		 * Create settings, checking each value.
		 * @param connectTimeout how long to wait for a connection, positive
		 * @param readTimeout how long to wait for an answer, positive
		 * @param maxConnections the most connections kept open, positive
		 * @param userAgent the {@code User-Agent} header, not empty
		 * @param sslBundle the SSL bundle, or {@code null} for the JVM's defaults
		 */
		public Settings {
			Assert.isTrue(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(),
					"'connectTimeout' must be positive");
			Assert.isTrue(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(),
					"'readTimeout' must be positive");
			Assert.isTrue(maxConnections > 0, "'maxConnections' must be positive");
			Assert.hasText(userAgent, "'userAgent' must not be empty");
		}

		/**
		 * Settings with the default user agent and the JVM's TLS.
		 * @param connectTimeout how long to wait for a connection
		 * @param readTimeout how long to wait for an answer
		 * @param maxConnections the most connections kept open to Pusher, per client
		 */
		public Settings(Duration connectTimeout, Duration readTimeout, int maxConnections) {
			this(connectTimeout, readTimeout, maxConnections, DEFAULT_USER_AGENT, null);
		}

		/**
		 * These settings with another SSL bundle.
		 * @param sslBundle the bundle, or {@code null} for the JVM's defaults
		 * @return new settings
		 */
		public Settings withSslBundle(@Nullable SslBundle sslBundle) {
			return new Settings(this.connectTimeout, this.readTimeout, this.maxConnections, this.userAgent, sslBundle);
		}

		/**
		 * These settings with another user agent.
		 * @param userAgent the {@code User-Agent} header
		 * @return new settings
		 */
		public Settings withUserAgent(String userAgent) {
			return new Settings(this.connectTimeout, this.readTimeout, this.maxConnections, userAgent, this.sslBundle);
		}

		/**
		 * The timeouts and the SSL bundle as Spring Boot's client settings: redirects are
		 * never followed, since a redirected request would lose its signature.
		 * @return the settings Boot's client builders apply
		 */
		public HttpClientSettings httpClientSettings() {
			return new HttpClientSettings(HttpRedirects.DONT_FOLLOW, this.connectTimeout, this.readTimeout,
					this.sslBundle);
		}

	}

}
