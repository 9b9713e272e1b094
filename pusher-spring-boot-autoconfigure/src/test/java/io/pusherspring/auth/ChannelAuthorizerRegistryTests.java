package io.pusherspring.auth;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link ChannelAuthorizerRegistry}.
 */
class ChannelAuthorizerRegistryTests {

	private static final ChannelAuthorizer ANY_PRIVATE = ChannelAuthorizer.permitAll("private-{name}");

	private static final ChannelAuthorizer USERS = ChannelAuthorizer.permitAll("private-user-{userId}");

	private static final ChannelAuthorizer STAFF = ChannelAuthorizer.permitAll("private-user-staff");

	@Test
	void mostSpecificPatternWins() {
		ChannelAuthorizerRegistry registry = ChannelAuthorizerRegistry.of(List.of(ANY_PRIVATE, USERS, STAFF));
		assertThat(registry.find("private-user-staff").entry().authorizer()).isSameAs(STAFF);
		assertThat(registry.find("private-user-42").entry().authorizer()).isSameAs(USERS);
		assertThat(registry.find("private-user-42").variables()).containsEntry("userId", "42");
		assertThat(registry.find("private-class-7").entry().authorizer()).isSameAs(ANY_PRIVATE);
		assertThat(registry.patterns()).containsExactly("private-user-staff", "private-user-{userId}",
				"private-{name}");
	}

	@Test
	void noMatchingPatternFindsNothing() {
		assertThat(ChannelAuthorizerRegistry.of(List.of(USERS)).find("private-agent-7")).isNull();
		assertThat(ChannelAuthorizerRegistry.of(List.of()).find("private-user-42")).isNull();
	}

	@Test
	void patternsOfEqualSpecificityThatCanMatchOneChannelConflict() {
		ChannelAuthorizer classChat = ChannelAuthorizer.permitAll("private-{classId}-chat");
		ChannelAuthorizer userChannels = ChannelAuthorizer.permitAll("private-user-{userId}");
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelAuthorizerRegistry.of(List.of(classChat, userChannels)))
			.withMessageContaining("ChannelAuthorizer[private-{classId}-chat] (pattern 'private-{classId}-chat')")
			.withMessageContaining("ChannelAuthorizer[private-user-{userId}] (pattern 'private-user-{userId}')")
			.withMessageContaining("such as 'private-user-chat'")
			.withMessageContaining("same specificity (13 literal characters)");
	}

	@Test
	void patternsOfDifferentSpecificityDoNotConflict() {
		ChannelAuthorizer classChat = ChannelAuthorizer.permitAll("private-class-{classId}-chat");
		ChannelAuthorizerRegistry registry = ChannelAuthorizerRegistry.of(List.of(classChat, USERS));
		assertThat(registry.find("private-class-7-chat").entry().authorizer()).isSameAs(classChat);
	}

	@Test
	void samePatternTwiceConflicts() {
		assertThatIllegalStateException()
			.isThrownBy(
					() -> ChannelAuthorizerRegistry.of(List.of(USERS, ChannelAuthorizer.permitAll(USERS.pattern()))))
			.withMessageContaining("both match channels such as 'private-user-0'");
	}

	@Test
	void patternThatMatchesOnlyPublicChannelsFails() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelAuthorizerRegistry.of(List.of(ChannelAuthorizer.permitAll("class-{classId}"))))
			.withMessageContaining("matches only public channels");
	}

	@Test
	void invalidPatternFailsNamingTheAuthorizer() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ChannelAuthorizerRegistry.of(List.of(ChannelAuthorizer.permitAll("private-{user"))))
			.withMessageContaining("Channel authorizer ChannelAuthorizer[private-{user]")
			.withMessageContaining("is not closed");
	}

	@Test
	void listsAuthorizersThatCouldGrantEncryptedChannels() {
		ChannelAuthorizerRegistry registry = ChannelAuthorizerRegistry
			.of(List.of(USERS, ChannelAuthorizer.permitAll("private-encrypted-user-{id}")));
		assertThat(registry.encryptedChannelAuthorizers()).singleElement()
			.asString()
			.contains("private-encrypted-user-{id}");
	}

}
