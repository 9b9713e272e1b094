package io.pusherspring.core;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;

/**
 * How {@link PusherTemplate} retries unless told otherwise, in one place: the template's
 * builder and the {@code pusher.retry.*} property defaults both read them from here. Only
 * transient failures (I/O errors, 5xx and 429) are ever retried.
 */
public final class PusherRetryDefaults {

	/** Retries after the first attempt. */
	public static final int MAX_RETRIES = 2;

	/** Wait before the first retry. */
	public static final Duration DELAY = Duration.ofMillis(100);

	/** Factor applied to the wait after each retry. */
	public static final double MULTIPLIER = 2;

	/**
	 * Longest wait between two attempts, and the longest {@code Retry-After} honoured
	 * when the retry policy's back-off does not say how long it waits at most.
	 */
	public static final Duration MAX_DELAY = Duration.ofSeconds(2);

	private PusherRetryDefaults() {
	}

	/**
	 * The retry policy of these defaults: two retries, 100ms then 200ms apart, at most
	 * 2s.
	 * @return a new policy
	 */
	public static RetryPolicy policy() {
		return RetryPolicy.builder()
			.maxRetries(MAX_RETRIES)
			.delay(DELAY)
			.multiplier(MULTIPLIER)
			.maxDelay(MAX_DELAY)
			.build();
	}

}
