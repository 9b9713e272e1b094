package io.pusherspring.sample;

import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.test.FakePusherServer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Runs the sample application against the test kit's {@link FakePusherServer}, so it
 * needs no Pusher account: {@code ./mvnw -pl sample-app -am spring-boot:test-run}. The
 * {@code fake-pusher} profile logs every request the fake answers.
 *
 * @author pusher-spring-boot
 */
public class TestSampleApplication {

	public static void main(String[] args) {
		SpringApplication.from(SampleApplication::main)
			.with(FakePusherConfiguration.class)
			.withAdditionalProfiles("fake-pusher")
			.run(args);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FakePusherConfiguration {

		@Bean(destroyMethod = "stop")
		FakePusherServer fakePusherServer() {
			return new FakePusherServer().start();
		}

		@Bean
		PusherConnectionDetails pusherConnectionDetails(FakePusherServer fakePusherServer) {
			return fakePusherServer.connectionDetails();
		}

	}

}
