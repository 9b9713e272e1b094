package io.pusherspring.autoconfigure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MissingPusherCredentialsFailureAnalyzer}.
 */
class MissingPusherCredentialsFailureAnalyzerTests {

	private final MissingPusherCredentialsFailureAnalyzer analyzer = new MissingPusherCredentialsFailureAnalyzer();

	@Test
	void descriptionNamesEachMissingPropertyAndItsEnvironmentVariable() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MissingPusherCredentialsException(List.of("pusher.app-id", "pusher.secret")));
		assertThat(analysis.getDescription()).contains("pusher.app-id (environment variable PUSHER_APP_ID)")
			.contains("pusher.secret (environment variable PUSHER_SECRET)")
			.doesNotContain("pusher.key");
		assertThat(analysis.getAction()).contains("pusher.app-id or PUSHER_APP_ID")
			.contains("pusher.secret or PUSHER_SECRET")
			.contains("@RecordPusherEvents");
	}

	@Test
	void descriptionNamesThePropertyAndTheVariableOfAnUnresolvedPlaceholder() {
		FailureAnalysis analysis = this.analyzer.analyze(new MissingPusherCredentialsException(
				List.of("pusher.app-id", "pusher.secret"), Map.of("pusher.secret", List.of("PUSHER_SECRET"))));
		assertThat(analysis.getDescription()).contains("pusher.app-id (environment variable PUSHER_APP_ID)")
			.contains("pusher.secret refers to ${PUSHER_SECRET}, but no environment variable or property named "
					+ "PUSHER_SECRET is defined");
		assertThat(analysis.getAction()).contains("pusher.app-id or PUSHER_APP_ID")
			.contains("PUSHER_SECRET (used by pusher.secret)");
	}

}
