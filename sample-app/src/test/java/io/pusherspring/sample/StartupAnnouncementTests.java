package io.pusherspring.sample;

import java.io.IOException;
import java.net.ServerSocket;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts even when Pusher cannot be reached: the welcome announcement
 * fails with a warning and one error line, without the secret or a stack trace.
 */
@SpringBootTest
@ExtendWith(QuietOutputCaptureExtension.class)
class StartupAnnouncementTests {

	@DynamicPropertySource
	static void unreachablePusher(DynamicPropertyRegistry registry) throws IOException {
		registry.add("pusher.app-id", () -> "1");
		registry.add("pusher.key", () -> "unreachable-key");
		registry.add("pusher.secret", () -> "unreachable-secret");
		registry.add("pusher.scheme", () -> "http");
		registry.add("pusher.host", () -> "127.0.0.1");
		int closedPort = closedPort();
		registry.add("pusher.port", () -> closedPort);
		registry.add("pusher.retry.max-retries", () -> 0);
	}

	@Test
	void startsAndWarnsWhenPusherCannotBeReached(CapturedOutput output) {
		assertThat(output).contains("Could not publish the welcome announcement, the application runs on")
			.contains("nothing was sent")
			.doesNotContain("unreachable-secret");
		assertThat(output.getAll().lines().filter((line) -> line.contains(" ERROR ")))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains("Failed to publish 'announcement.posted' to class-1")
			.contains("nothing was sent");
		assertThat(output).doesNotContain("\tat ");
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
