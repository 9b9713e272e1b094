package io.pusherspring.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Unit tests for {@link PusherTemplate}'s request building; the HTTP behaviour is tested
 * against the test kit's fake Pusher server.
 */
class PusherTemplateTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final PusherTemplate template = PusherTemplate.builder(this.transport)
		.retryPolicy(RetryPolicy.builder().maxRetries(2).delay(java.time.Duration.ofMillis(1)).build())
		.build();

	@Test
	void sendsAStringAsItIsAndAnObjectAsJson() {
		this.template.trigger("a", "e", "{\"raw\":true}");
		this.template.trigger("a", "e", Map.of("n", 1));
		assertThat(sent(0).get("data").stringValue()).isEqualTo("{\"raw\":true}");
		assertThat(sent(1).get("data").stringValue()).isEqualTo("{\"n\":1}");
	}

	@Test
	void sendsEachChannelOnceWhenNamedTwice() {
		this.template.trigger(List.of("a", "b", "a"), "e", "{}");
		assertThat(sent(0).get("channels").values()).extracting(JsonNode::stringValue).containsExactly("a", "b");
	}

	@Test
	void excludedSocketAndInfoAreSent() {
		this.template.trigger(PusherMessage.builder()
			.channel("presence-room")
			.event("e")
			.data("{}")
			.excludeSocketId("123.456")
			.info(ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT)
			.build());
		assertThat(sent(0).get("socket_id").stringValue()).isEqualTo("123.456");
		assertThat(sent(0).get("info").stringValue()).isEqualTo("user_count,subscription_count");
	}

	@Test
	void batchSendsOneEventPerChannelOfEachMessage() {
		BatchResult result = this.template
			.triggerBatch(List.of(PusherMessage.builder().channels("a", "b").event("e1").data("{}").build(),
					PusherMessage.of("c", "e2", "{}")));
		assertThat(result.size()).isEqualTo(3);
		assertThat(sent(0).get("batch").values()).extracting((item) -> item.get("channel").stringValue())
			.containsExactly("a", "b", "c");
	}

	@Test
	void sendToUserUsesTheServerToUserChannel() {
		this.template.sendToUser("42", "notice", "{}");
		assertThat(sent(0).get("channels").get(0).stringValue()).isEqualTo("#server-to-user-42");
	}

	@Test
	void clientErrorsAreNotRetriedButServerErrorsAre() {
		this.transport.thenAnswer(400);
		assertThatExceptionOfType(PusherApiException.class).isThrownBy(() -> this.template.trigger("a", "e", "{}"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(this.transport.requests()).hasSize(1);
		this.transport.thenAnswer(500, 429);
		this.template.trigger("a", "e", "{}");
		assertThat(this.transport.requests()).hasSize(4);
	}

	@Test
	void asyncTriggersRetryTooAndReportTheLastFailure() {
		this.transport.thenAnswer(503, 503, 503);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> this.template.triggerAsync(PusherMessage.of("a", "e", "{}")).join())
			.havingCause()
			.isInstanceOf(PusherApiException.class)
			.withMessageContaining("503");
		assertThat(this.transport.requests()).hasSize(3);
	}

	@Test
	void asyncRetriesStopAtThePolicyTimeout() {
		PusherTemplate withTimeout = PusherTemplate.builder(this.transport)
			.retryPolicy(RetryPolicy.builder()
				.maxRetries(5)
				.delay(java.time.Duration.ofMillis(400))
				.timeout(java.time.Duration.ofMillis(200))
				.build())
			.build();
		this.transport.thenAnswer(503, 503, 503);
		assertThatExceptionOfType(CompletionException.class)
			.isThrownBy(() -> withTimeout.triggerAsync(PusherMessage.of("a", "e", "{}")).join())
			.havingCause()
			.isInstanceOf(PusherApiException.class);
		assertThat(this.transport.requests()).hasSize(1);
	}

	@Test
	void reservedEventNamesAreRejectedBeforeSending() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.trigger("a", "pusher:subscribe", "{}"))
			.withMessageContaining("'pusher:subscribe'");
		assertThat(this.transport.requests()).isEmpty();
	}

	private JsonNode sent(int index) {
		return JsonMapper.shared().readTree(this.transport.requests().get(index).body());
	}

}
