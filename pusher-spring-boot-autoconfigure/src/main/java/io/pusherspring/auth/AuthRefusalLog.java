package io.pusherspring.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import io.pusherspring.auth.PusherAuthorizationEvent.Kind;

import org.springframework.util.Assert;

/**
 * Logs the requests the auth endpoints refuse as unreadable, one WARN line each, naming
 * the endpoint, the caller's address, the status and a fixed reason, never what the
 * request carried. At most {@code maxLines} lines are written per {@code window}; the
 * first line of the next window says how many refusals went unlogged, so that a flood of
 * hostile requests cannot fill the disk.
 */
final class AuthRefusalLog {

	static final int DEFAULT_MAX_LINES = 20;

	static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

	private static final int MAX_ADDRESS_LENGTH = 64;

	private final Log logger;

	private final int maxLines;

	private final Duration window;

	private final Clock clock;

	private @Nullable Instant windowStart;

	private int lines;

	private long unlogged;

	AuthRefusalLog(Log logger) {
		this(logger, DEFAULT_MAX_LINES, DEFAULT_WINDOW, Clock.systemUTC());
	}

	AuthRefusalLog(Log logger, int maxLines, Duration window, Clock clock) {
		Assert.isTrue(maxLines > 0, "'maxLines' must be positive");
		Assert.isTrue(window.compareTo(Duration.ZERO) > 0, "'window' must be positive");
		this.logger = logger;
		this.maxLines = maxLines;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Log one refusal, unless this window's lines are used up.
	 * @param kind the endpoint
	 * @param remoteAddress the caller's address
	 * @param status the status answered
	 * @param reason a fixed text that does not quote the request
	 */
	void refused(Kind kind, @Nullable String remoteAddress, int status, String reason) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		String line = line(kind, remoteAddress, status, reason);
		if (line != null) {
			this.logger.warn(line);
		}
	}

	private synchronized @Nullable String line(Kind kind, @Nullable String remoteAddress, int status, String reason) {
		Instant now = this.clock.instant();
		String unloggedBefore = "";
		if (this.windowStart == null || !now.isBefore(this.windowStart.plus(this.window))) {
			if (this.unlogged > 0) {
				unloggedBefore = " (" + this.unlogged + " more refused since " + this.windowStart + " not logged)";
			}
			this.windowStart = now.truncatedTo(ChronoUnit.SECONDS);
			this.lines = 0;
			this.unlogged = 0;
		}
		if (this.lines == this.maxLines) {
			this.unlogged++;
			return null;
		}
		this.lines++;
		String last = (this.lines == this.maxLines)
				? " (no more refusals are logged until " + this.windowStart.plus(this.window) + ")" : "";
		return "Refused a Pusher " + describe(kind) + " request from " + escape(remoteAddress, MAX_ADDRESS_LENGTH)
				+ " with " + status + ": " + escape(reason, Integer.MAX_VALUE) + unloggedBefore + last;
	}

	private static String describe(Kind kind) {
		return (kind == Kind.CHANNEL_AUTHORIZATION) ? "channel authorization" : "user authentication";
	}

	/**
	 * The text with every control, format and line separator character escaped as
	 * {@code \\uXXXX}, cut to a length: safe on one log line.
	 */
	static String escape(@Nullable String text, int maxLength) {
		if (text == null) {
			return "unknown";
		}
		StringBuilder escaped = new StringBuilder(Math.min(text.length(), maxLength) + 8);
		for (int i = 0; i < text.length(); i++) {
			if (escaped.length() >= maxLength) {
				return escaped.append("...").toString();
			}
			char c = text.charAt(i);
			if (isUnsafe(c)) {
				escaped.append(String.format("\\u%04x", (int) c));
			}
			else {
				escaped.append(c);
			}
		}
		return escaped.toString();
	}

	private static boolean isUnsafe(char c) {
		int type = Character.getType(c);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED;
	}

}
