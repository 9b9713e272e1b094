package io.pusherspring.integration.core;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherConnectionException;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.FakePusherServer;
import io.pusherspring.test.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The transport honours the JVM's standard proxy properties: with {@code http.proxyHost}
 * and {@code http.proxyPort} set, requests for a host that does not even resolve reach
 * the proxy, here the fake Pusher server itself, which accepts requests in proxy form as
 * a forwarding proxy would pass them on.
 */
class ProxyTests {

	private static final String UNRESOLVABLE = "http://api-pusher.invalid";

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@AfterEach
	void clearProxy() {
		System.clearProperty("http.proxyHost");
		System.clearProperty("http.proxyPort");
	}

	@Test
	void sendsThroughTheProxyNamedBySystemProperties() throws Exception {
		System.setProperty("http.proxyHost", "localhost");
		System.setProperty("http.proxyPort", Integer.toString(pusher.getPort()));
		try (HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials(pusher.getAppId(), pusher.getKey(), pusher.getSecret()), URI.create(UNRESOLVABLE),
				HttpPusherTransport.Settings.DEFAULTS)) {
			PusherTemplate template = new PusherTemplate(transport);
			template.trigger("orders", "created", Map.of("id", 1));
			assertThat(template.triggerAsync(PusherMessage.of("orders", "created", Map.of("id", 2))))
				.succeedsWithin(Duration.ofSeconds(5));
		}
		assertThat(pusher.requests()).extracting(ReceivedRequest::status).containsExactly(200, 200);
		assertThat(pusher.recorder().events()).hasSize(2);
	}

	@Test
	void failsWithoutTheProxyBeforeSendingAnything() throws Exception {
		try (HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials(pusher.getAppId(), pusher.getKey(), pusher.getSecret()), URI.create(UNRESOLVABLE),
				HttpPusherTransport.Settings.DEFAULTS)) {
			PusherTemplate template = PusherTemplate.builder(transport)
				.retryPolicy(RetryPolicy.withMaxRetries(0))
				.build();
			assertThatExceptionOfType(PusherConnectionException.class)
				.isThrownBy(() -> template.trigger("orders", "created", Map.of("id", 1)))
				.satisfies((ex) -> assertThat(ex.isPossiblyDelivered()).isFalse());
		}
		assertThat(pusher.requests()).isEmpty();
	}

}
