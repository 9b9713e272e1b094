package io.pusherspring.integration.core;

import java.util.Map;

import io.pusherspring.core.PusherOperations;
import io.pusherspring.test.PusherRecorder;
import io.pusherspring.test.RecordPusherEvents;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static io.pusherspring.test.PusherAssertions.assertThat;

/**
 * {@code @RecordPusherEvents} in a context that has no auto-configuration of its own, as
 * a test slice, while the application names an SSL bundle for the API connection: the kit
 * brings the SSL bundles along, and records instead of connecting.
 */
@SpringBootTest(classes = RecordPusherEventsWithSslBundleTests.NoAutoConfiguration.class,
		properties = { "pusher.http.ssl.bundle=soketi",
				"spring.ssl.bundle.pem.soketi.truststore.certificate=classpath:soketi-ca.crt" })
@RecordPusherEvents
class RecordPusherEventsWithSslBundleTests {

	@Autowired
	private PusherOperations pusher;

	@Test
	void recordsWhatTheTemplateTriggers(PusherRecorder recorder) {
		this.pusher.trigger("orders", "created", Map.of("id", 1));
		assertThat(recorder).hasTriggered("orders", "created").withData(Map.of("id", 1));
	}

	@SpringBootConfiguration
	static class NoAutoConfiguration {

	}

}
