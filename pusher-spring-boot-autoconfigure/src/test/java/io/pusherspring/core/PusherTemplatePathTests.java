package io.pusherspring.core;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.retry.RetryPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every path {@link PusherTemplate} builds, one test per method: values that go into a
 * path are checked and encoded so that no value can steer a request to another endpoint,
 * and nothing is sent when one is refused.
 */
class PusherTemplatePathTests {

	private final ScriptedTransport transport = new ScriptedTransport();

	private final PusherTemplate template = PusherTemplate.builder(this.transport)
		.retryPolicy(RetryPolicy.withMaxRetries(0))
		.build();

	@Test
	void triggerPostsToEvents() {
		this.template.trigger("orders", "created", "{}");
		assertThat(paths()).containsExactly("/events");
	}

	@Test
	void triggerAsyncPostsToEvents() {
		this.template.triggerAsync(PusherMessage.of("orders", "created", "{}")).join();
		assertThat(paths()).containsExactly("/events");
	}

	@Test
	void triggerBatchPostsToBatchEvents() {
		this.template.triggerBatch(List.of(PusherMessage.of("orders", "created", "{}")));
		assertThat(paths()).containsExactly("/batch_events");
	}

	@Test
	void sendToUserPostsToEventsWithTheUserInTheBodyOnly() {
		this.template.sendToUser("42", "notice", "{}");
		assertThat(paths()).containsExactly("/events");
		assertThat(this.transport.requests().get(0).body()).contains("#server-to-user-42");
	}

	@Test
	void channelsListsWithThePrefixInTheQueryOnly() {
		this.template.channels("presence-a=b;c", ChannelInfo.USER_COUNT);
		assertThat(paths()).containsExactly("/channels");
		assertThat(this.transport.requests().get(0).query()).containsEntry("filter_by_prefix", "presence-a=b;c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "private-a=b@c,d;e.f_g-h", "presence-A9" })
	void channelQueriesTheChannelsOwnPath(String channel) {
		this.template.channel(channel);
		assertThat(paths()).containsExactly("/channels/" + channel);
	}

	@Test
	void usersQueriesThePresenceChannelsUsers() {
		this.template.users("presence-class-7");
		assertThat(paths()).containsExactly("/channels/presence-class-7/users");
	}

	@Test
	void terminateUserConnectionsPostsToTheUsersPath() {
		this.template.terminateUserConnections("user-42@school.example");
		assertThat(paths()).containsExactly("/users/user-42@school.example/terminate_connections");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "../channels", "a/b", "a?b", "a#b", "%2e%2e", "a%2Fb", "a b", "a\\b", "" })
	void channelRefusesValuesThatCouldSteerThePath(String channel) {
		assertRefused((template) -> template.channel(channel));
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "presence-a/../..", "presence-a?x=1", "presence-%2e" })
	void usersRefusesValuesThatCouldSteerThePath(String channel) {
		assertRefused((template) -> template.users(channel));
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "../events", "a/b", "a?b", "a#b", "%2e%2e", "a b", "" })
	void terminateUserConnectionsRefusesValuesThatCouldSteerThePath(String userId) {
		assertRefused((template) -> template.terminateUserConnections(userId));
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", "..", "a/b" })
	void sendToUserRefusesTheSameUserIds(String userId) {
		assertRefused((template) -> template.sendToUser(userId, "notice", "{}"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "presence-a/b", "presence-a&info=x", "presence-a?b" })
	void channelsRefusesPrefixesOutsideTheChannelAlphabet(String prefix) {
		assertRefused((template) -> template.channels(prefix));
	}

	@Test
	void appIdIsOneEncodedSegment() {
		assertThat(ApiPaths.app("1234567")).isEqualTo("/apps/1234567");
		assertThat(ApiPaths.app("my-app_1")).isEqualTo("/apps/my-app_1");
		assertThat(ApiPaths.app("a/b?c#d%e f")).isEqualTo("/apps/a%2Fb%3Fc%23d%25e%20f");
		assertThat(ApiPaths.app("é")).isEqualTo("/apps/%C3%A9");
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ApiPaths.app(".."))
			.withMessageContaining("relative path segment");
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ApiPaths.app(""));
	}

	@Test
	void segmentsEncodeEverythingThatIsNotAPlainPathCharacter() {
		assertThat(ApiPaths.segment("Value", "a=b@c,d;e.f_g-h~")).isEqualTo("a=b@c,d;e.f_g-h~");
		assertThat(ApiPaths.segment("Value", "..a")).isEqualTo("..a");
		assertThat(ApiPaths.segment("Value", "a/b")).isEqualTo("a%2Fb");
		assertThat(ApiPaths.segment("Value", "%2e%2e")).isEqualTo("%252e%252e");
		assertThat(ApiPaths.segment("Value", "#x")).isEqualTo("%23x");
	}

	private void assertRefused(Consumer<PusherOperations> call) {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> call.accept(this.template));
		assertThat(this.transport.requests()).isEmpty();
	}

	private List<String> paths() {
		return this.transport.requests().stream().map(PusherRequest::path).toList();
	}

}
