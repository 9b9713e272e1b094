package io.pusherspring.integration;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.pusherspring.core.ChannelEncryption;
import io.pusherspring.core.ChannelInfo;
import io.pusherspring.core.PusherMessage;
import io.pusherspring.core.PusherOperations;
import io.pusherspring.core.PusherTemplate;
import io.pusherspring.core.PusherValidationException;
import io.pusherspring.test.FakePusherServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every rule {@link PusherTemplate} checks before any I/O: each broken rule throws
 * {@link PusherValidationException} naming the offending value, and the fake Pusher
 * receives no request at all.
 */
class PusherTemplateHttpValidationTests {

	@RegisterExtension
	static FakePusherServer pusher = new FakePusherServer();

	@RegisterExtension
	final FakePusherTemplates templates = new FakePusherTemplates(pusher);

	private PusherTemplate template;

	@BeforeEach
	void createTemplate() {
		ChannelEncryption encryption = new ChannelEncryption(randomMasterKey());
		this.template = this.templates.template((builder) -> builder.encryption(encryption));
	}

	static Stream<Arguments> brokenRules() {
		String longChannel = "c".repeat(165);
		String longEvent = "e".repeat(201);
		return Stream.of(
				rule("invalid character in a channel name", (pusher) -> pusher.trigger("orders!", "e", "d"), "orders!",
						"'!'"),
				rule("space in a channel name", (pusher) -> pusher.trigger("my orders", "e", "d"), "my orders"),
				rule("channel name over 164 characters", (pusher) -> pusher.trigger(longChannel, "e", "d"),
						"c".repeat(60), "165 characters"),
				rule("'#' in a channel passed to trigger", (pusher) -> pusher.trigger("#server-to-user-42", "e", "d"),
						"#server-to-user-42", "sendToUser"),
				rule("empty channel name", (pusher) -> pusher.trigger("", "e", "d"), "Channel name must not be empty"),
				rule("empty channel list", (pusher) -> pusher.trigger(List.of(), "e", "d"), "at least one channel"),
				rule("invalid channel among several", (pusher) -> pusher.trigger(List.of("ok", "not ok"), "e", "d"),
						"not ok"),
				rule("event name over 200 characters", (pusher) -> pusher.trigger("orders", longEvent, "d"),
						"e".repeat(60), "201 characters"),
				rule("empty event name", (pusher) -> pusher.trigger("orders", "", "d"), "Event name must not be empty"),
				rule("'pusher:' event prefix", (pusher) -> pusher.trigger("orders", "pusher:subscribe", "d"),
						"pusher:subscribe"),
				rule("'pusher_internal:' event prefix",
						(pusher) -> pusher.trigger("orders", "pusher_internal:member_added", "d"),
						"pusher_internal:member_added"),
				rule("payload over 10KB", (pusher) -> pusher.trigger("orders", "e", "x".repeat(10 * 1024 + 1)),
						"10241 bytes", "10240 bytes"),
				rule("payload over 10KB in multi-byte characters",
						(pusher) -> pusher.trigger("orders", "e", "é".repeat(5 * 1024 + 1)), "10242 bytes"),
				rule("encrypted channel in a multi-channel trigger",
						(pusher) -> pusher.trigger(List.of("orders", "private-encrypted-orders"), "e", "d"),
						"private-encrypted-orders"),
				rule("malformed socket id", (pusher) -> pusher.trigger(message().excludeSocketId("socket-1").build()),
						"socket-1"),
				rule("socket id with a trailing newline",
						(pusher) -> pusher.trigger(message().excludeSocketId("1.2\n").build()), "1.2\n"),
				rule("user_count on a non-presence channel in a trigger",
						(pusher) -> pusher
							.trigger(message().channels("presence-room", "private-room").info("user_count").build()),
						"private-room", "user_count"),
				rule("user_count on a non-presence channel query",
						(pusher) -> pusher.channel("private-room", ChannelInfo.USER_COUNT), "private-room",
						"user_count"),
				rule("users of a non-presence channel", (pusher) -> pusher.users("private-room"), "private-room"),
				rule("user_count when listing channels without a presence prefix",
						(pusher) -> pusher.channels("private-", ChannelInfo.USER_COUNT), "'private-'", "user_count"),
				rule("user_count when listing channels without a prefix",
						(pusher) -> pusher.channels(null, ChannelInfo.USER_COUNT), "no filter", "user_count"),
				rule("null data", (pusher) -> pusher.trigger("orders", "e", null), "must not be null"),
				rule("unknown info attribute in a trigger",
						(pusher) -> pusher.trigger(message().info("member_count").build()), "member_count"),
				rule("unknown info attribute in a channel query", (pusher) -> pusher.channel("orders", "occupied"),
						"'occupied'"),
				rule("unknown info attribute when listing channels", (pusher) -> pusher.channels(null, "sub_count"),
						"sub_count"),
				rule("empty batch", (pusher) -> pusher.triggerBatch(List.of()), "at least one message"),
				rule("invalid channel in a batch",
						(pusher) -> pusher.triggerBatch(
								List.of(PusherMessage.of("ok", "e", "d"), PusherMessage.of("bad/", "e", "d"))),
						"bad/"),
				rule("reserved event name in a batch",
						(pusher) -> pusher.triggerBatch(List.of(PusherMessage.of("ok", "pusher:ping", "d"))),
						"pusher:ping"),
				rule("payload over 10KB in a batch",
						(pusher) -> pusher.triggerBatch(
								List.of(PusherMessage.of("ok", "e", "d"), PusherMessage.of("ok", "e", big()))),
						"10241 bytes"),
				rule("invalid user id for sendToUser", (pusher) -> pusher.sendToUser("bob smith", "e", "d"),
						"bob smith"),
				rule("user id over 128 characters", (pusher) -> pusher.sendToUser("u".repeat(129), "e", "d"),
						"129 characters"),
				rule("reserved event name for sendToUser", (pusher) -> pusher.sendToUser("42", "pusher:x", "d"),
						"pusher:x"),
				rule("payload over 10KB for sendToUser", (pusher) -> pusher.sendToUser("42", "e", big()),
						"10241 bytes"),
				rule("invalid user id to terminate", (pusher) -> pusher.terminateUserConnections("a/b"), "a/b"),
				rule("invalid channel to query", (pusher) -> pusher.channel("a/b"), "a/b"),
				rule("invalid prefix filter", (pusher) -> pusher.channels("a/b"), "a/b"),
				rule("invalid socket id asynchronously",
						(pusher) -> pusher.triggerAsync(message().excludeSocketId("x").build()), "'x'"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenRules")
	void refusesBeforeSendingAnything(Consumer<PusherOperations> call, List<String> offendingValues) {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> call.accept(this.template))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(offendingValues))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
		assertThat(pusher.requests()).isEmpty();
	}

	@Test
	void refusesAnEncryptedChannelWithoutAMasterKey() {
		PusherTemplate withoutKey = this.templates.template((builder) -> builder);
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> withoutKey.trigger("private-encrypted-orders", "e", "d"))
			.withMessageContaining("'private-encrypted-orders'")
			.withMessageContaining("pusher.encryption-master-key");
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> withoutKey.triggerBatch(List.of(PusherMessage.of("private-encrypted-orders", "e", "d"))))
			.withMessageContaining("'private-encrypted-orders'");
		assertThat(pusher.requests()).isEmpty();
	}

	@Test
	void refusesAPayloadOverARaisedLimit() {
		pusher.maxPayloadSize(DataSize.ofKilobytes(15));
		PusherTemplate raised = this.templates.template((builder) -> builder.maxPayloadSize(DataSize.ofKilobytes(15)));
		raised.trigger("orders", "e", "x".repeat(15 * 1024));
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> raised.trigger("orders", "e", "x".repeat(15 * 1024 + 1)))
			.withMessageContaining("15361 bytes");
		assertThat(pusher.requests()).hasSize(1);
	}

	@Test
	void refusesAWholeBatchWhenOneMessageBreaksARule() {
		List<PusherMessage> messages = List.of(PusherMessage.of("a", "e", "d"), PusherMessage.of("b", "e", "d"),
				PusherMessage.of("c", "pusher:e", "d"));
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> this.template.triggerBatch(messages));
		assertThat(pusher.requests()).isEmpty();
		assertThat(pusher.recorder().events()).isEmpty();
	}

	@Test
	void acceptsTheLongestNamesPusherAllows() {
		this.template.trigger("c".repeat(164), "e".repeat(200), "x".repeat(10 * 1024));
		assertThat(pusher.recorder().events()).hasSize(1);
	}

	private static Arguments rule(String name, Consumer<PusherOperations> call, String... offendingValues) {
		return Arguments.of(Named.of(name, call), List.of(offendingValues));
	}

	private static PusherMessage.Builder message() {
		return PusherMessage.builder().channel("presence-room").event("e").data(Map.of());
	}

	private static String big() {
		return "x".repeat(10 * 1024 + 1);
	}

	private static String randomMasterKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
