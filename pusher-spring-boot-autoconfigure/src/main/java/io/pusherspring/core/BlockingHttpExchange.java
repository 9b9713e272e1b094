package io.pusherspring.core;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

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

/**
 * Blocking calls of {@link HttpPusherTransport}, over a pooled Apache HttpClient 4: the
 * client pusher-http-java already depends on, and measured as fast as pusher-http-java's
 * own calls.
 */
final class BlockingHttpExchange implements AutoCloseable {

	private final CloseableHttpClient client;

	BlockingHttpExchange(HttpPusherTransport.Settings settings, String userAgent) {
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
		this.client = HttpClients.custom()
			.setConnectionManager(pool)
			.setDefaultRequestConfig(requestConfig)
			.setUserAgent(userAgent)
			.disableAutomaticRetries()
			.disableRedirectHandling()
			.disableCookieManagement()
			.useSystemProperties()
			.build();
	}

	PusherResponse send(URI uri, PusherRequest request) throws IOException {
		HttpRequestBase httpRequest;
		if ("POST".equals(request.method())) {
			HttpPost post = new HttpPost(uri);
			String body = (request.body() != null) ? request.body() : "";
			post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
			httpRequest = post;
		}
		else {
			httpRequest = new HttpGet(uri);
		}
		try (CloseableHttpResponse response = this.client.execute(httpRequest)) {
			HttpEntity entity = response.getEntity();
			String body = (entity != null) ? EntityUtils.toString(entity, StandardCharsets.UTF_8) : "";
			return new PusherResponse(response.getStatusLine().getStatusCode(), body);
		}
	}

	@Override
	public void close() throws IOException {
		this.client.close();
	}

}
