package io.pusherspring.autoconfigure;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@link MissingPusherCredentialsException}: which properties are missing and
 * which environment variables set them, or which placeholder in a property's value
 * nothing defines.
 */
class MissingPusherCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<MissingPusherCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingPusherCredentialsException cause) {
		StringBuilder description = new StringBuilder("Pusher is on the class path, but its credentials are not set:");
		StringBuilder action = new StringBuilder("Set ");
		for (int i = 0; i < cause.getProperties().size(); i++) {
			String property = cause.getProperties().get(i);
			List<String> placeholders = cause.getUnresolvedPlaceholders(property);
			action.append((i > 0) ? ", " : "");
			if (placeholders.isEmpty()) {
				String variable = environmentVariable(property);
				description.append(String.format("%n    %s (environment variable %s)", property, variable));
				action.append(property).append(" or ").append(variable);
			}
			else {
				String names = String.join(", ", placeholders);
				description.append(String.format(
						"%n    %s refers to %s, but no environment variable or property named %s is defined", property,
						MissingPusherCredentialsException.placeholders(placeholders), names));
				action.append(names).append(" (used by ").append(property).append(")");
			}
		}
		action.append(" to the values in your app's Keys page of the Pusher dashboard. In tests, annotate the test "
				+ "class with @RecordPusherEvents from pusher-test-kit, which supplies test credentials; to run "
				+ "without Pusher, define your own PusherConnectionDetails or PusherTransport bean.");
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

	private static String environmentVariable(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}

}
