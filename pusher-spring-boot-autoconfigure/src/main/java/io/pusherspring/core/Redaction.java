package io.pusherspring.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes signatures from text that may reach a log or a caller. Pusher echoes the
 * signature it received in some error answers, and a proxy in between may echo the whole
 * request in any encoding.
 */
final class Redaction {

	private static final String REDACTED = "[redacted]";

	private static final Pattern HEX_DIGEST = Pattern.compile("\\b[0-9a-fA-F]{64}\\b");

	/**
	 * The {@code auth_signature} parameter in a query ({@code auth_signature=...}),
	 * URL-encoded once or twice ({@code auth_signature%3D...},
	 * {@code auth_signature%253D...}), and as a JSON member, plain, escaped or
	 * URL-encoded ({@code "auth_signature": "..."}, {@code \"auth_signature\":\"...\"},
	 * {@code auth_signature%22%3A%22...}). The value ends where a hex signature cannot go
	 * on.
	 */
	private static final Pattern SIGNATURE_PARAMETER = Pattern
		.compile("(?i)(auth_signature(?:\\\\?\"|%22|%2522)?\\s*(?:=|:|%3D|%253D|%3A|%253A)\\s*(?:\\\\?\"|%22|%2522)?)"
				+ "[^&%\\s\"'\\\\,;}<>()\\[\\]]*");

	private static final int MAX_LENGTH = 500;

	private Redaction() {
	}

	/**
	 * Remove signatures in every form, and shorten long text.
	 * @param text the text, possibly {@code null}
	 * @return the text without signatures, at most 500 characters and an ellipsis
	 */
	static String scrub(@Nullable String text) {
		return scrub(text, null);
	}

	/**
	 * Remove signatures in every form, the given one wherever it appears, and shorten
	 * long text.
	 * @param text the text, possibly {@code null}
	 * @param signature the signature of the request the text is about, or {@code null}
	 * @return the text without signatures, at most 500 characters and an ellipsis
	 */
	static String scrub(@Nullable String text, @Nullable String signature) {
		if (text == null || text.isBlank()) {
			return "";
		}
		String scrubbed = SIGNATURE_PARAMETER.matcher(text.strip())
			.replaceAll((match) -> Matcher.quoteReplacement(match.group(1)) + REDACTED);
		if (signature != null && !signature.isEmpty()) {
			scrubbed = Pattern.compile(Pattern.quote(signature), Pattern.CASE_INSENSITIVE)
				.matcher(scrubbed)
				.replaceAll(REDACTED);
		}
		scrubbed = HEX_DIGEST.matcher(scrubbed).replaceAll(REDACTED);
		return (scrubbed.length() > MAX_LENGTH) ? scrubbed.substring(0, MAX_LENGTH) + "…" : scrubbed;
	}

}
