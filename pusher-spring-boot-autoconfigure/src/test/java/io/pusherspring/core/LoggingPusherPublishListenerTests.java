package io.pusherspring.core;

import java.util.List;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.pusherspring.testsupport.QuietOutputCaptureExtension;

import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LoggingPusherPublishListener}.
 */
@ExtendWith(QuietOutputCaptureExtension.class)
class LoggingPusherPublishListenerTests {

	private final LoggingPusherPublishListener listener = new LoggingPusherPublishListener();

	@Test
	void logsTheEventTheChannelsAndWhetherItMayHaveBeenDeliveredButNotTheData(CapturedOutput output) {
		PusherMessage message = PusherMessage.of("private-user-42", "grade.published", "{\"grade\":\"secret A+\"}");
		this.listener.onError(message, ScriptedFailures.readTimeout());
		assertThat(output).contains("Failed to publish 'grade.published' to private-user-42 (possibly delivered")
			.contains("SocketTimeoutException")
			.doesNotContain("secret A+");
	}

	@Test
	void saysNothingAboutDeliveryWhenNothingWasSent(CapturedOutput output) {
		this.listener.onError(PusherMessage.of("orders", "created", "{}"), ScriptedFailures.refused());
		assertThat(output).contains("Failed to publish 'created' to orders: ").doesNotContain("possibly delivered");
	}

	@Test
	void logsAMultiLineExplanationFromPusherOnOneLine(CapturedOutput output) {
		String explanation = "Invalid signature: Expected HMAC SHA256 hex digest of POST\n/apps/1/events\nauth_key=key";
		this.listener.onError(PusherMessage.of("orders", "created", "{}"),
				new PusherApiException("POST /events failed with HTTP 401: " + explanation, 401, explanation));
		assertThat(output.getAll().lines()).singleElement(as(InstanceOfAssertFactories.STRING))
			.contains(" ERROR ")
			.endsWith("Failed to publish 'created' to orders: POST /events failed with HTTP 401: "
					+ "Invalid signature: Expected HMAC SHA256 hex digest of POST /apps/1/events auth_key=key");
	}

	@Test
	void namesOnlyTheFirstChannelsOfALongList(CapturedOutput output) {
		List<String> channels = IntStream.range(0, 250).mapToObj((i) -> "c" + i).toList();
		this.listener.onError(PusherMessage.builder().channels(channels).event("e").data("{}").build(),
				ScriptedFailures.refused());
		assertThat(output).contains("to c0, c1, c2, c3, c4 and 245 more channels").doesNotContain("c5,");
	}

	@Test
	void staysQuietOnSuccess(CapturedOutput output) {
		this.listener.onSuccess(PusherMessage.of("orders", "created", "{}"), TriggerResult.empty());
		assertThat(output).doesNotContain("orders");
	}

}
