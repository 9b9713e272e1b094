package io.pusherspring.integration.local;

import io.pusherspring.auth.ChannelAuthorizer;
import io.pusherspring.test.LocalPusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A connection limit on an app whose subscription counting is off, as it is in Pusher
 * until switched on: Pusher answers the count's query with 400, so the limit lets every
 * subscription through and says once why.
 */
@SpringBootTest(classes = { LiveClassroomApplication.class, UserConnectionLimitWithoutCountingTests.OwnChannels.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = "pusher.auth.user.max-connections=1")
@ExtendWith(OutputCaptureExtension.class)
class UserConnectionLimitWithoutCountingTests {

	@RegisterExtension
	static LocalPusherServer pusher = new LocalPusherServer();

	@DynamicPropertySource
	static void pusherProperties(DynamicPropertyRegistry registry) {
		pusher.registerProperties(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void failsOpenWithOneWarning(CapturedOutput output) {
		try (JavaClient phone = JavaClient.as("ada", pusher, this.port).connect();
				JavaClient laptop = JavaClient.as("ada", pusher, this.port).connect()) {
			phone.subscribe("private-user-ada");
			laptop.subscribe("private-user-ada");
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains(" WARN "))).singleElement()
			.satisfies((line) -> assertThat(line)
				.contains("Pusher does not report subscription_count, so user connections are not limited")
				.contains("switch subscription counting on"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnChannels {

		@Bean
		ChannelAuthorizer ownUserChannel() {
			return ChannelAuthorizer.allowIf("private-user-{userId}",
					(context) -> context.variable("userId").equals(context.userName()));
		}

	}

}
