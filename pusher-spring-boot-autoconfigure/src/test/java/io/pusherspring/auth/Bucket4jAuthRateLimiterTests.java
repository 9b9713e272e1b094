package io.pusherspring.auth;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link Bucket4jAuthRateLimiter}.
 */
class Bucket4jAuthRateLimiterTests {

	/**
	 * How long to wait for a condition before calling it hung: not a timing assertion.
	 */
	private static final Duration HANG_GUARD = Duration.ofSeconds(30);

	@Test
	void refusesPastTheCapacityAndSaysHowLongToWait() {
		Bucket4jAuthRateLimiter limiter = Bucket4jAuthRateLimiter.local(2, Duration.ofMinutes(1));
		assertThat(limiter.tryConsume("user:42")).isZero();
		assertThat(limiter.tryConsume("user:42")).isZero();
		assertThat(limiter.tryConsume("user:42")).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
		assertThat(limiter.tryConsume("user:43")).isZero();
	}

	@Test
	void refillsOverThePeriod() {
		Bucket4jAuthRateLimiter limiter = Bucket4jAuthRateLimiter.local(1, Duration.ofMillis(200));
		assertThat(limiter.tryConsume("user:42")).isZero();
		// a thread that gets no CPU for a period finds the budget refilled: spend it
		// again
		// until a second call in a row is refused
		await().atMost(HANG_GUARD).until(() -> {
			limiter.tryConsume("user:42");
			return limiter.tryConsume("user:42").compareTo(Duration.ZERO) > 0;
		});
		await().atMost(HANG_GUARD).until(() -> limiter.tryConsume("user:42").isZero());
	}

	@Test
	void forgetsCallersWhoseBudgetRefilled() {
		// fifty callers within one period, before any sweep: a thread that gets no CPU
		// for a
		// period sees a sweep among them, so a new limiter is tried
		Bucket4jAuthRateLimiter limiter = await().atMost(HANG_GUARD)
			.until(Bucket4jAuthRateLimiterTests::limiterWithFiftyCallers, (fifty) -> fifty.localBuckets() == 50);
		assertThat(limiter.localBuckets()).isEqualTo(50);
		await().atMost(HANG_GUARD).until(() -> {
			limiter.tryConsume("user:42");
			return limiter.localBuckets() == 1;
		});
	}

	@Test
	void rejectsUnusableBudgets() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bucket4jAuthRateLimiter.local(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Bucket4jAuthRateLimiter.local(10, Duration.ZERO));
	}

	private static Bucket4jAuthRateLimiter limiterWithFiftyCallers() {
		Bucket4jAuthRateLimiter limiter = Bucket4jAuthRateLimiter.local(1, Duration.ofMillis(100));
		for (int i = 0; i < 50; i++) {
			limiter.tryConsume("address:203.0.113." + i);
		}
		return limiter;
	}

}
