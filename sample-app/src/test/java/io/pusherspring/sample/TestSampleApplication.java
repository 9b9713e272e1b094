package io.pusherspring.sample;

import java.net.URI;

import io.pusherspring.autoconfigure.PusherProperties;
import io.pusherspring.test.LocalPusherServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample application against the test kit's {@link LocalPusherServer}, so it
 * needs no Pusher account and browsers running pusher-js can connect to it:
 * {@code ./mvnw -pl sample-app -am spring-boot:test-run}. The server posts its webhooks
 * to the application. The {@code local-pusher} profile puts the server on port 6001, sets
 * an encryption master key for the private notes, and logs every request, connection,
 * subscription and event it handles.
 */
public class TestSampleApplication {

	private static final Log logger = LogFactory.getLog(TestSampleApplication.class);

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main)
			.with(LocalPusherConfiguration.class)
			.withAdditionalProfiles("local-pusher")
			.run(args);
	}

	// tag::local-pusher[]
	@TestConfiguration(proxyBeanMethods = false)
	static class LocalPusherConfiguration {

		// the bean alone points the starter at the server; watchlist events are a
		// setting of the app in Pusher's dashboard, off until switched on
		@Bean
		LocalPusherServer localPusherServer(@Value("${local-pusher.port:0}") int port) {
			return new LocalPusherServer().port(port).watchlistEvents(true);
		}

		// the local server posts its webhooks to this application, as Pusher would
		@Bean
		ApplicationListener<WebServerInitializedEvent> localPusherWebhooks(LocalPusherServer localPusherServer,
				PusherProperties pusher) {
			return (started) -> localPusherServer.webhookUrl(
					URI.create("http://127.0.0.1:" + started.getWebServer().getPort() + pusher.getWebhook().getPath()));
		}

		@Bean
		ApplicationListener<ApplicationReadyEvent> localPusherAddress(LocalPusherServer localPusherServer) {
			return (ready) -> logger.info("Pusher clients connect to " + localPusherServer.getWebSocketUrl()
					+ " (pusher-js: key '" + localPusherServer.getKey() + "', wsHost '" + localPusherServer.getHost()
					+ "', wsPort " + localPusherServer.getPort() + ", forceTLS false, enabledTransports ['ws'])");
		}

	}
	// end::local-pusher[]

}
