package io.pusherspring.core;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.pusher.rest.SignatureUtil;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.config.SocketConfig;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The default {@link PusherTransport}. Requests are signed by pusher-http-java; blocking
 * calls go through a pooled Apache HttpClient 4 (the one pusher-http-java already depends
 * on), asynchronous calls through the JDK's non-blocking {@link HttpClient}, created on
 * first use. Neither retries on its own: retries belong to {@link PusherTemplate}.
 *
 * @author pusher-spring-boot
 */
public final class HttpPusherTransport implements PusherTransport, AutoCloseable {

	private static final String USER_AGENT = "pusher-spring-boot";

	private final PusherCredentials credentials;

	private final String scheme;

	private final String authority;

	private final Settings settings;

	private final CloseableHttpClient blockingClient;

	private volatile @Nullable HttpClient nonBlockingClient;

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
		this.blockingClient = createBlockingClient(settings);
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
		URI uri = sign(request);
		HttpRequestBase httpRequest;
		if ("POST".equals(request.method())) {
			HttpPost post = new HttpPost(uri);
			post.setEntity(new StringEntity(body(request), ContentType.APPLICATION_JSON));
			httpRequest = post;
		}
		else {
			httpRequest = new HttpGet(uri);
		}
		try (CloseableHttpResponse response = this.blockingClient.execute(httpRequest)) {
			HttpEntity entity = response.getEntity();
			String body = (entity != null) ? EntityUtils.toString(entity, StandardCharsets.UTF_8) : "";
			return new PusherResponse(response.getStatusLine().getStatusCode(), body);
		}
		catch (IOException ex) {
			throw connectionFailure(request, ex);
		}
	}

	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(sign(request))
			.timeout(this.settings.readTimeout())
			.header("User-Agent", USER_AGENT);
		if ("POST".equals(request.method())) {
			builder.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body(request), StandardCharsets.UTF_8));
		}
		else {
			builder.GET();
		}
		return nonBlockingClient()
			.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.handle((response, failure) -> {
				if (failure != null) {
					Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
							? failure.getCause() : failure;
					throw new CompletionException(connectionFailure(request, cause));
				}
				return new PusherResponse(response.statusCode(), response.body());
			});
	}

	@Override
	public void close() throws IOException {
		this.blockingClient.close();
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

	private static String body(PusherRequest request) {
		return (request.body() != null) ? request.body() : "";
	}

	private HttpClient nonBlockingClient() {
		HttpClient client = this.nonBlockingClient;
		if (client == null) {
			synchronized (this) {
				client = this.nonBlockingClient;
				if (client == null) {
					client = HttpClient.newBuilder()
						.connectTimeout(this.settings.connectTimeout())
						.followRedirects(HttpClient.Redirect.NEVER)
						.proxy(ProxySelector.getDefault())
						.version("http".equals(this.scheme) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
						.build();
					this.nonBlockingClient = client;
				}
			}
		}
		return client;
	}

	private static CloseableHttpClient createBlockingClient(Settings settings) {
		int connectMillis = Math.toIntExact(settings.connectTimeout().toMillis());
		int readMillis = Math.toIntExact(settings.readTimeout().toMillis());
		PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
		pool.setMaxTotal(settings.maxConnections());
		pool.setDefaultMaxPerRoute(settings.maxConnections());
		pool.setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(readMillis).setTcpNoDelay(true).build());
		RequestConfig requestConfig = RequestConfig.custom()
			.setConnectTimeout(connectMillis)
			.setConnectionRequestTimeout(connectMillis)
			.setSocketTimeout(readMillis)
			.build();
		return HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(requestConfig)
			.setUserAgent(USER_AGENT)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.useSystemProperties()
			.build();
	}

	/**
	 * I/O messages name hosts and ports, not queries, but the cause is kept only when its
	 * text carries no signature, so nothing secret can reach a log.
	 */
	private static PusherConnectionException connectionFailure(PusherRequest request, Throwable cause) {
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
	 * @param maxConnections the most connections kept open to Pusher
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
