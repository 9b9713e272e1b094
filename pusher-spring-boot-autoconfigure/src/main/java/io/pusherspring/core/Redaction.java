package io.pusherspring.core;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes signatures from text that may reach a log or a caller. Pusher echoes the
 * signature it received in some error answers.
 */
final class Redaction {

	private static final Pattern HEX_DIGEST = Pattern.compile("\\b[0-9a-fA-F]{64}\\b");

	private static final Pattern SIGNATURE_PARAMETER = Pattern.compile("auth_signature=[^&\\s\"]*");

	private static final int MAX_LENGTH = 500;

	private Redaction() {
	}

	static String scrub(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String scrubbed = SIGNATURE_PARAMETER.matcher(text.strip()).replaceAll("auth_signature=[redacted]");
		scrubbed = HEX_DIGEST.matcher(scrubbed).replaceAll("[redacted]");
		return (scrubbed.length() > MAX_LENGTH) ? scrubbed.substring(0, MAX_LENGTH) + "…" : scrubbed;
	}

}
