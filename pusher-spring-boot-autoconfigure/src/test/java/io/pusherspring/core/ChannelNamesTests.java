package io.pusherspring.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link ChannelNames} and {@link SocketIds}.
 */
class ChannelNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "orders", "private-user-42", "presence-class.7", "private-encrypted-grades",
			"a_b-c=d@e,f.g;h", "cache-scores" })
	void acceptsNamesMadeOfAllowedCharacters(String channel) {
		assertThatNoException().isThrownBy(() -> ChannelNames.validate(channel));
	}

	@Test
	void acceptsTheLongestAllowedName() {
		assertThatNoException().isThrownBy(() -> ChannelNames.validate("c".repeat(164)));
	}

	@Test
	void rejectsNamesLongerThan164Characters() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> ChannelNames.validate("c".repeat(165)))
			.withMessageContaining("165 characters")
			.withMessageContaining("at most 164");
	}

	@ParameterizedTest
	@ValueSource(strings = { "with space", "slash/ed", "ünïcode", "star*", "colon:" })
	void rejectsCharactersOutsideTheAllowedSet(String channel) {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ChannelNames.validate(channel))
			.withMessageContaining("'" + channel + "'")
			.withMessageContaining("is not allowed");
	}

	@Test
	void reservesHashForServerToUserChannels() {
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> ChannelNames.validate("#server-to-user-42"))
			.withMessageContaining("reserved")
			.withMessageContaining("sendToUser");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", ".." })
	void rejectsNamesThatAreRelativePaths(String channel) {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ChannelNames.validate(channel))
			.withMessageContaining("relative path");
	}

	@Test
	void rejectsEmptyNames() {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ChannelNames.validate(""));
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ChannelNames.validate(null));
	}

	@Test
	void classifiesChannelsByPrefix() {
		assertThat(ChannelNames.isPrivate("private-encrypted-x")).isTrue();
		assertThat(ChannelNames.isEncrypted("private-encrypted-x")).isTrue();
		assertThat(ChannelNames.isEncrypted("private-x")).isFalse();
		assertThat(ChannelNames.isPresence("presence-cache-x")).isTrue();
		assertThat(ChannelNames.isCache("presence-cache-x")).isTrue();
		assertThat(ChannelNames.isCache("private-encrypted-cache-x")).isTrue();
		assertThat(ChannelNames.isCache("cached")).isFalse();
		assertThat(ChannelNames.requiresAuthorization("public-news")).isFalse();
		assertThat(ChannelNames.requiresAuthorization("presence-room")).isTrue();
	}

	@Test
	void serverToUserChannelNamesTheUser() {
		assertThat(ChannelNames.serverToUser("42")).isEqualTo("#server-to-user-42");
	}

	@Test
	void userIdsAreLimitedTo128Characters() {
		assertThatNoException().isThrownBy(() -> ChannelNames.validateUserId("u".repeat(128)));
		assertThatExceptionOfType(PusherValidationException.class)
			.isThrownBy(() -> ChannelNames.validateUserId("u".repeat(129)))
			.withMessageContaining("at most 128");
	}

	@ParameterizedTest
	@ValueSource(strings = { ".", ".." })
	void rejectsUserIdsThatAreRelativePaths(String userId) {
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> ChannelNames.validateUserId(userId))
			.withMessageContaining("relative path");
		assertThatNoException().isThrownBy(() -> ChannelNames.validateUserId("..." + userId));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234.1234", "0.0", "123456789012.987654321" })
	void acceptsWellFormedSocketIds(String socketId) {
		assertThat(SocketIds.isValid(socketId)).isTrue();
		assertThatNoException().isThrownBy(() -> SocketIds.validate(socketId));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234", "1234.", ".1234", "12a4.1", "1234.1234\n", "1234.1234.1", "١٢.٣٤", " 1.2" })
	void rejectsMalformedSocketIds(String socketId) {
		assertThat(SocketIds.isValid(socketId)).isFalse();
		assertThatExceptionOfType(PusherValidationException.class).isThrownBy(() -> SocketIds.validate(socketId))
			.withMessageContaining("malformed");
	}

}
