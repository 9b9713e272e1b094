package io.pusherspring.core;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.pusher.rest.SignatureUtil;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link PusherTransport}. Requests are signed by pusher-http-java; blocking
 * calls go through a pooled Apache HttpClient 4 (the one pusher-http-java already depends
 * on), asynchronous calls through Apache HttpClient 5's non-blocking client, started on
 * first use. Neither retries on its own: retries belong to {@link PusherTemplate}.
 * <p>
 * Asynchronous answers complete on the HTTP client's I/O threads, so stages chained to
 * them must not block; hand blocking work to an executor of your own
 * ({@code thenApplyAsync(..., executor)}).
 *
 * @author pusher-spring-boot
 */
public final class HttpPusherTransport implements PusherTransport, AutoCloseable {

	private static final String USER_AGENT = "pusher-spring-boot";

	private final PusherCredentials credentials;

	private final String scheme;

	private final String authority;

	private final Settings settings;

	private final BlockingHttpExchange blocking;

	private volatile @Nullable NonBlockingHttpExchange nonBlocking;

	private boolean closed;

	/**
	 * Create a transport.
	 * @param credentials the app's credentials
	 * @param endpoint the API's base address, such as {@code https://api-mt1.pusher.com}
	 * @param settings timeouts and pool size
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
		this.scheme = endpoint.getScheme();
		this.authority = (endpoint.getPort() != -1) ? endpoint.getHost() + ":" + endpoint.getPort()
				: endpoint.getHost();
		this.settings = settings;
		this.blocking = new BlockingHttpExchange(settings, USER_AGENT);
	}

	/**
	 * The address requests go to.
	 * @return the scheme, host and port
	 */
	public URI getEndpoint() {
		return URI.create(this.scheme + "://" + this.authority);
	}

	/**
	 * The timeouts and pool size in use.
	 * @return the settings
	 */
	public Settings getSettings() {
		return this.settings;
	}

	@Override
	public PusherResponse exchange(PusherRequest request) {
		try {
			return this.blocking.send(sign(request), request);
		}
		catch (IOException ex) {
			throw connectionFailure(request, ex);
		}
	}

	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		return nonBlocking().send(sign(request), request).exceptionally((failure) -> {
			throw new CompletionException(connectionFailure(request, failure));
		});
	}

	@Override
	public void close() throws IOException {
		NonBlockingHttpExchange started;
		synchronized (this) {
			this.closed = true;
			started = this.nonBlocking;
		}
		try {
			this.blocking.close();
		}
		finally {
			if (started != null) {
				started.close();
			}
		}
	}

	@Override
	public String toString() {
		return "HttpPusherTransport[endpoint=" + getEndpoint() + ", appId=" + this.credentials.appId() + "]";
	}

	private URI sign(PusherRequest request) {
		return SignatureUtil.uri(request.method(), this.scheme, this.authority,
				"/apps/" + this.credentials.appId() + request.path(), request.body(), this.credentials.key(),
				this.credentials.secret(), request.query());
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
				this.nonBlocking = new NonBlockingHttpExchange(this.settings, USER_AGENT);
			}
			return this.nonBlocking;
		}
	}

	/**
	 * I/O messages name hosts and ports, not queries, but the cause is kept only when its
	 * text carries no signature, so nothing secret can reach a log.
	 */
	private static PusherConnectionException connectionFailure(PusherRequest request, Throwable failure) {
		Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
				: failure;
		String detail = (cause.getMessage() != null) ? cause.getMessage() : "";
		String scrubbed = Redaction.scrub(detail);
		String message = request.describe() + " did not complete: " + cause.getClass().getSimpleName()
				+ (scrubbed.isEmpty() ? "" : ": " + scrubbed);
		return new PusherConnectionException(message, scrubbed.equals(detail.strip()) ? cause : null);
	}

	/**
	 * Connection settings.
	 *
	 * @param connectTimeout how long to wait for a connection
	 * @param readTimeout how long to wait for an answer
	 * @param maxConnections the most connections kept open to Pusher, per client
	 * (blocking and asynchronous calls have a pool each)
	 */
	public record Settings(Duration connectTimeout, Duration readTimeout, int maxConnections) {

		/** Defaults: 2s to connect, 5s to answer, 50 connections. */
		public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(2), Duration.ofSeconds(5), 50);

		public Settings {
			Assert.isTrue(connectTimeout != null && !connectTimeout.isNegative() && !connectTimeout.isZero(),
					"'connectTimeout' must be positive");
			Assert.isTrue(readTimeout != null && !readTimeout.isNegative() && !readTimeout.isZero(),
					"'readTimeout' must be positive");
			Assert.isTrue(maxConnections > 0, "'maxConnections' must be positive");
		}

	}

}
