package io.pusherspring.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import io.pusherspring.core.HttpPusherTransport;
import io.pusherspring.core.PusherCredentials;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.core.retry.RetryPolicy;

/**
 * Real {@link PusherTemplate}s over real {@link HttpPusherTransport}s pointed at a
 * {@link FakePusherServer}; closes the transports it created after each test when
 * registered as an extension.
 */
final class FakePusherTemplates implements AutoCloseable, AfterEachCallback {

	static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * A read timeout tests can outlast with {@link #LATER_THAN_SHORT_READ_TIMEOUT}. A
	 * test that uses it delays every answer: a loaded machine can answer any request
	 * later than this.
	 */
	static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(300);

	/**
	 * An answer delay far beyond {@link #SHORT_READ_TIMEOUT} and any test: the answer
	 * never arrives while the client waits. A delay just past the timeout would race it:
	 * a client thread that gets no CPU until the late answer is there reads it instead of
	 * timing out.
	 */
	static final Duration LATER_THAN_SHORT_READ_TIMEOUT = Duration.ofSeconds(30);

	private final FakePusherServer server;

	private final List<HttpPusherTransport> transports = new ArrayList<>();

	FakePusherTemplates(FakePusherServer server) {
		this.server = server;
	}

	/**
	 * Retries quick enough for tests: two retries, 10ms apart.
	 */
	static RetryPolicy fastRetries() {
		return RetryPolicy.builder().maxRetries(2).delay(Duration.ofMillis(10)).build();
	}

	static RetryPolicy noRetries() {
		return RetryPolicy.withMaxRetries(0);
	}

	/**
	 * A template with the server's credentials, default settings and fast retries.
	 */
	PusherTemplate template() {
		return template(UnaryOperator.identity());
	}

	PusherTemplate template(UnaryOperator<PusherTemplate.Builder> customizer) {
		return customizer.apply(PusherTemplate.builder(transport(READ_TIMEOUT)).retryPolicy(fastRetries())).build();
	}

	HttpPusherTransport transport(Duration readTimeout) {
		return transport(this.server.getSecret(), readTimeout);
	}

	HttpPusherTransport transport(String secret, Duration readTimeout) {
		HttpPusherTransport transport = new HttpPusherTransport(
				new PusherCredentials(this.server.getAppId(), this.server.getKey(), secret), this.server.getEndpoint(),
				new HttpPusherTransport.Settings(CONNECT_TIMEOUT, readTimeout, 10));
		this.transports.add(transport);
		return transport;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		for (HttpPusherTransport transport : this.transports) {
			try {
				transport.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.transports.clear();
	}

}
