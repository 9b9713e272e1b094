package io.pusherspring.test.assertion;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a check, which returns a failure message or {@code null}, either at once or
 * over a period of time for events published asynchronously. Internal to the test kit:
 * public only so that the assertions of {@code io.pusherspring.test} can build on it.
 */
public final class Polling {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

	private Polling() {
	}

	/**
	 * Wait until the check passes.
	 * @param timeout the longest wait; zero checks once
	 * @param check returns {@code null} once satisfied
	 * @return {@code null}, or the failure message of the last attempt
	 */
	public static @Nullable String until(Duration timeout, Supplier<@Nullable String> check) {
		if (timeout.isZero()) {
			return check.get();
		}
		AtomicReference<@Nullable String> failure = new AtomicReference<>();
		try {
			Awaitility.await()
				.atMost(timeout)
				.pollDelay(Duration.ZERO)
				.pollInterval(POLL_INTERVAL)
				.pollInSameThread()
				.until(() -> {
					failure.set(check.get());
					return failure.get() == null;
				});
			return null;
		}
		catch (ConditionTimeoutException ex) {
			String last = check.get();
			return (last != null) ? "After waiting " + describe(timeout) + ":\n" + last : null;
		}
	}

	/**
	 * Check that the check passes during a whole period.
	 * @param period how long the check must keep passing; zero checks once
	 * @param check returns {@code null} while satisfied
	 * @return {@code null}, or the first failure message
	 */
	public static @Nullable String throughout(Duration period, Supplier<@Nullable String> check) {
		long deadline = System.nanoTime() + period.toNanos();
		while (true) {
			String failure = check.get();
			if (failure != null) {
				return period.isZero() ? failure : "Within " + describe(period) + ":\n" + failure;
			}
			if (System.nanoTime() - deadline >= 0) {
				return null;
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return check.get();
			}
		}
	}

	private static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

}
