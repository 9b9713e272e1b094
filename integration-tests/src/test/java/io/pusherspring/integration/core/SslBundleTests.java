package io.pusherspring.integration.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code pusher.http.ssl.bundle} against a TLS server whose certificate is self-signed,
 * as a self-hosted soketi's often is: trusted through a Spring Boot SSL bundle, and
 * refused without it, on the blocking and the asynchronous path alike.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class SslBundleTests {

	private static final String RESOURCES = "io/pusherspring/integration/core/";

	private static HttpsServer server;

	private static final List<String> received = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, JacksonAutoConfiguration.class,
				PusherAutoConfiguration.class))
		.withPropertyValues("pusher.app-id=1", "pusher.key=key", "pusher.secret=secret", "pusher.scheme=https",
				"pusher.host=localhost", "pusher.port=" + server.getAddress().getPort(), "pusher.retry.max-retries=0");

	@BeforeAll
	static void startTlsServer() throws Exception {
		server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
		server.createContext("/", (exchange) -> {
			received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
			exchange.getRequestBody().readAllBytes();
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopTlsServer() {
		server.stop(0);
	}

	@BeforeEach
	void forgetRequests() {
		received.clear();
	}

	@Test
	void trustsTheServerThroughTheBundle() throws IOException {
		withTheDocumentedBundle().run((context) -> {
			triggerBlockingAndAsync(context.getBean(PusherTemplate.class));
			assertThat(received).containsExactly("POST /apps/1/events", "POST /apps/1/events");
		});
	}

	@Test
	void tunnelsThroughAConnectProxyNamedBySystemProperties() throws Exception {
		try (ConnectProxy proxy = new ConnectProxy()) {
			System.setProperty("https.proxyHost", "127.0.0.1");
			System.setProperty("https.proxyPort", Integer.toString(proxy.getPort()));
			// the JVM leaves localhost out of proxying unless told otherwise
			System.setProperty("http.nonProxyHosts", "");
			try {
				withTheDocumentedBundle()
					.run((context) -> triggerBlockingAndAsync(context.getBean(PusherTemplate.class)));
			}
			finally {
				System.clearProperty("https.proxyHost");
				System.clearProperty("https.proxyPort");
				System.clearProperty("http.nonProxyHosts");
			}
			assertThat(received).containsExactly("POST /apps/1/events", "POST /apps/1/events");
			assertThat(proxy.requestLines()).isNotEmpty()
				.allMatch((line) -> line.equals("CONNECT localhost:" + server.getAddress().getPort() + " HTTP/1.1"));
		}
	}

	@Test
	void refusesTheServerWithoutTheBundleBeforeSendingAnything() {
		this.runner.run((context) -> {
			PusherTemplate template = context.getBean(PusherTemplate.class);
			assertThatExceptionOfType(PusherConnectionException.class)
				.isThrownBy(() -> template.trigger("orders", "created", Map.of("id", 1)))
				.satisfies((ex) -> {
					assertThat(ex).hasCauseInstanceOf(SSLHandshakeException.class);
					assertThat(ex.isPossiblyDelivered()).isFalse();
				});
			assertThat(template.triggerAsync(PusherMessage.of("orders", "created", Map.of("id", 2))))
				.failsWithin(Duration.ofSeconds(5))
				.withThrowableOfType(ExecutionException.class)
				.havingCause()
				.isInstanceOfSatisfying(PusherConnectionException.class,
						(ex) -> assertThat(ex.isPossiblyDelivered()).isFalse());
			assertThat(received).isEmpty();
		});
	}

	/**
	 * The runner with the README's {@code soketi-tls.properties} (the bundle and
	 * {@code pusher.http.ssl.bundle}) added.
	 */
	private ApplicationContextRunner withTheDocumentedBundle() throws IOException {
		Properties documented = PropertiesLoaderUtils.loadAllProperties(RESOURCES + "soketi-tls.properties");
		return this.runner.withPropertyValues(documented.entrySet()
			.stream()
			.map((property) -> property.getKey() + "=" + property.getValue())
			.toArray(String[]::new));
	}

	private static void triggerBlockingAndAsync(PusherTemplate template) {
		template.trigger("orders", "created", Map.of("id", 1));
		assertThat(template.triggerAsync(PusherMessage.of("orders", "created", Map.of("id", 2))))
			.succeedsWithin(Duration.ofSeconds(5));
	}

	private static SSLContext serverContext() throws Exception {
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		try (InputStream in = SslBundleTests.class.getClassLoader().getResourceAsStream(RESOURCES + "soketi.p12")) {
			keyStore.load(in, "changeit".toCharArray());
		}
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, "changeit".toCharArray());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		return context;
	}

}
