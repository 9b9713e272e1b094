package io.pusherspring.docs;

import java.util.Map;

import io.pusherspring.autoconfigure.PusherAutoConfiguration;
import io.pusherspring.autoconfigure.PusherConnectionDetails;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.TriggerResult;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.pusherspring.test.PusherAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples of the Publishing section, run against the test kit's fake Pusher
 * HTTP API through the auto-configured template.
 */
class PublishingExamplesTests {

	@RegisterExtension
	static FakePusherServer server = new FakePusherServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, PusherAutoConfiguration.class))
		.withBean(PusherConnectionDetails.class, server::connectionDetails);

	@Test
	void messageWithSocketExclusionAndInfoReportsWhoIsListening() {
		server.stubChannel("presence-session-7", 3, "41", "42");
		this.runner.run((context) -> {
			int listening = askQuestion(context.getBean(PusherOperations.class), Map.of("text", "Why?"), "1234.5678");
			assertThat(listening).isEqualTo(2);
			assertThat(server.recorder()).hasTriggered("presence-session-7", "question.asked")
				.withData(Map.of("text", "Why?"))
				.excludingSocket("1234.5678");
		});
	}

	private static int askQuestion(PusherOperations pusher, Object question, String socketId) {
		// tag::trigger-message[]
		TriggerResult result = pusher.trigger(PusherMessage.builder()
			.channel("presence-session-7")
			.event("question.asked")
			.data(question)
			.excludeSocketId(socketId)
			.info(ChannelInfo.USER_COUNT)
			.build());
		int listening = result.userCount("presence-session-7").orElse(0);
		// end::trigger-message[]
		return listening;
	}

}
