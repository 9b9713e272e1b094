package io.pusherspring.test;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.autoconfigure.PusherProperties;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.test.simulator.RecordingPusherTransport;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test auto-configuration imported by {@link RecordPusherEvents @RecordPusherEvents}: an
 * in-memory {@link PusherTransport} that records into a {@link PusherRecorder}, and test
 * credentials when the application has none.
 */
@AutoConfiguration(before = PusherAutoConfiguration.class)
@EnableConfigurationProperties(PusherProperties.class)
public final class RecordPusherEventsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PusherRecorder pusherRecorder() {
		return new PusherRecorder();
	}

	@Bean
	@Primary
	RecordingPusherTransport recordingPusherTransport(PusherRecorder pusherRecorder, PusherProperties properties) {
		RecordingPusherTransport transport = new RecordingPusherTransport(pusherRecorder::record,
				pusherRecorder::clear);
		transport.maxPayloadBytes(properties.getLimits().getMaxPayloadSize().toBytes());
		return transport;
	}

	@Bean
	@ConditionalOnMissingBean(PusherConnectionDetails.class)
	TestPusherConnectionDetails testPusherConnectionDetails(PusherProperties properties) {
		return new TestPusherConnectionDetails(properties);
	}

}
