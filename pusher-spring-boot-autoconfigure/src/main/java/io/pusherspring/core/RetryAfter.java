package io.pusherspring.core;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Reads an HTTP {@code Retry-After} header: a number of seconds, or an HTTP date (RFC
 * 9110, section 10.2.3).
 */
final class RetryAfter {

	private static final int MAX_DIGITS = 9;

	private RetryAfter() {
	}

	/**
	 * The wait a header asks for.
	 * @param header the header's value, or {@code null}
	 * @param now the current time, to measure a date against
	 * @return the wait, zero for a date in the past, or {@code null} if the header is
	 * missing or malformed
	 */
	static @Nullable Duration parse(@Nullable String header, Instant now) {
		if (header == null) {
			return null;
		}
		String value = header.strip();
		if (value.isEmpty()) {
			return null;
		}
		if (value.chars().allMatch(Character::isDigit)) {
			return (value.length() <= MAX_DIGITS) ? Duration.ofSeconds(Long.parseLong(value))
					: Duration.ofSeconds(999_999_999L);
		}
		try {
			Instant date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return date.isAfter(now) ? Duration.between(now, date) : Duration.ZERO;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
