package io.pusherspring.auth;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChannelPattern}.
 */
class ChannelPatternTests {

	@Test
	void variableSpansHyphensSoUuidsMatchWhole() {
		assertThat(ChannelPattern.parse("private-class-{classId}")
			.match("private-class-3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65"))
			.containsExactly(Map.entry("classId", "3f2b8c1e-9d4a-4e7b-8f6a-2c1d0e9b7a65"));
	}

	@Test
	void variableSpansEveryChannelNameCharacter() {
		assertThat(ChannelPattern.parse("private-user-{userId}").match("private-user-a_b-c=d@e,f.g;h"))
			.containsEntry("userId", "a_b-c=d@e,f.g;h");
	}

	@Test
	void literalsMustMatchExactly() {
		ChannelPattern pattern = ChannelPattern.parse("private-class-{classId}-chat");
		assertThat(pattern.match("private-class-7-chat")).containsEntry("classId", "7");
		assertThat(pattern.match("private-class-7-chats")).isNull();
		assertThat(pattern.match("private-class--chat")).isNull();
		assertThat(pattern.match("private-user-7-chat")).isNull();
	}

	@Test
	void variableNeedsAtLeastOneCharacter() {
		assertThat(ChannelPattern.parse("private-user-{userId}").match("private-user-")).isNull();
	}

	@Test
	void capturesSeveralVariables() {
		assertThat(ChannelPattern.parse("presence-class-{classId}.session-{sessionId}")
			.match("presence-class-7.session-a-b"))
			.containsExactly(Map.entry("classId", "7"), Map.entry("sessionId", "a-b"));
	}

	@Test
	void patternWithoutVariablesMatchesOneName() {
		ChannelPattern pattern = ChannelPattern.parse("private-staff");
		assertThat(pattern.match("private-staff")).isEmpty();
		assertThat(pattern.match("private-staff2")).isNull();
		assertThat(pattern.specificity()).isEqualTo(13);
	}

	@Test
	void specificityCountsLiteralCharacters() {
		assertThat(ChannelPattern.parse("private-{a}").specificity()).isEqualTo(8);
		assertThat(ChannelPattern.parse("private-user-{a}").specificity()).isEqualTo(13);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"', commentCharacter = '%', textBlock = """
			private-user-{userId       | '{' at index 13 is not closed
			private-user-}             | '}' at index 13 closes no variable
			private-user-{}            | '{}' is not a variable
			private-user-{user-id}     | '{user-id}' is not a variable
			private-{a}-{a}            | variable 'a' appears twice
			private-{a}{b}             | variables must be separated by a literal character
			private user-{id}          | character ' ' at index 7 is not allowed
			#server-to-user-{id}       | character '#' at index 0 is not allowed
			""")
	void rejectsMalformedPatterns(String pattern, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> ChannelPattern.parse(pattern))
			.withMessageContaining("Channel pattern '" + pattern + "' is invalid")
			.withMessageContaining(message);
	}

	@Test
	void rejectsPatternsLongerThanAnyChannelName() {
		assertThatIllegalArgumentException().isThrownBy(() -> ChannelPattern.parse("private-" + "a".repeat(160)))
			.withMessageContaining("longer than 164");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			private-{a}           | private-{b}          | private-0
			private-{a}-7         | private-1-{b}        | private-1-7
			private-user-{id}     | private-{x}          | private-user-0
			presence-{a}          | {b}-session          | presence-session
			private-class-{id}    | private-class-{id}   | private-class-0
			""")
	void findsAChannelBothPatternsMatch(String first, String second, String example) {
		String common = ChannelPattern.parse(first).commonMatch(ChannelPattern.parse(second));
		assertThat(common).isEqualTo(example);
		assertThat(ChannelPattern.parse(first).match(common)).isNotNull();
		assertThat(ChannelPattern.parse(second).match(common)).isNotNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			private-user-{id}     | private-class-{id}
			private-{a}           | presence-{b}
			private-staff         | private-staffroom
			private-{a}-chat      | private-{b}-feed
			""")
	void findsNoCommonChannelForDisjointPatterns(String first, String second) {
		assertThat(ChannelPattern.parse(first).commonMatch(ChannelPattern.parse(second))).isNull();
		assertThat(ChannelPattern.parse(second).commonMatch(ChannelPattern.parse(first))).isNull();
	}

}
