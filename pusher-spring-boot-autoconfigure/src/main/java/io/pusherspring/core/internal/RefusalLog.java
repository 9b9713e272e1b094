package io.pusherspring.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Logs the requests an endpoint refuses, one WARN line each, at most {@code maxLines}
 * lines per {@code window}: the last line of a window says that no more are logged until
 * it ends, and the first line of the next window says how many refusals went unlogged, so
 * that a flood of hostile requests cannot fill the disk. Each component that refuses
 * requests keeps its own instance. Thread-safe.
 * <p>
 * Not API: the shared home of this bound for the library's own packages (auth and
 * webhook, on both web stacks), public only because Java has no other way to share a
 * class across packages. Applications do not need it, it is left out of the published
 * Javadoc, and it may change in any release.
 */
public final class RefusalLog {

	/**
	 * The most lines logged per window, by default.
	 */
	public static final int DEFAULT_MAX_LINES = 20;

	/**
	 * The window the lines are counted in, by default.
	 */
	public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

	private final Log logger;

	private final int maxLines;

	private final Duration window;

	private final Clock clock;

	private @Nullable Instant windowStart;

	private int lines;

	private long unlogged;

	/**
	 * Create a log of at most {@link #DEFAULT_MAX_LINES} lines per
	 * {@link #DEFAULT_WINDOW}.
	 * @param logger where the lines go
	 */
	public RefusalLog(Log logger) {
		this(logger, Clock.systemUTC());
	}

	/**
	 * Create a log of at most {@link #DEFAULT_MAX_LINES} lines per
	 * {@link #DEFAULT_WINDOW}, as this clock tells the time.
	 * @param logger where the lines go
	 * @param clock the clock the windows are measured with
	 */
	public RefusalLog(Log logger, Clock clock) {
		this(logger, DEFAULT_MAX_LINES, DEFAULT_WINDOW, clock);
	}

	/**
	 * Create a log.
	 * @param logger where the lines go
	 * @param maxLines the most lines logged per window
	 * @param window the window the lines are counted in
	 * @param clock the clock the windows are measured with
	 */
	public RefusalLog(Log logger, int maxLines, Duration window, Clock clock) {
		Assert.isTrue(maxLines > 0, "'maxLines' must be positive");
		Assert.isTrue(window.compareTo(Duration.ZERO) > 0, "'window' must be positive");
		this.logger = logger;
		this.maxLines = maxLines;
		this.window = window;
		this.clock = clock;
	}

	/**
	 * Log one refusal, unless this window's lines are used up.
	 * @param line the line, built only if it is logged; it must not quote the request
	 * beyond what {@link #escape(String, int)} made safe
	 */
	public void refused(Supplier<String> line) {
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		String suffixes = take();
		if (suffixes != null) {
			this.logger.warn(line.get() + suffixes);
		}
	}

	/**
	 * Take one of this window's lines.
	 * @return what to append to the line, or {@code null} if the window's lines are used
	 * up
	 */
	private synchronized @Nullable String take() {
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
		return unloggedBefore + last;
	}

	/**
	 * The text with every control, format and line separator character escaped as
	 * {@code \\uXXXX}, cut to a length: safe on one log line.
	 * @param text the text, or {@code null}
	 * @param maxLength the most characters kept before {@code ...}
	 * @return the escaped text, or {@code unknown} for {@code null}
	 */
	public static String escape(@Nullable String text, int maxLength) {
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
