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
		assertThat(limiter.tryConsume("user:42")).isPositive();
		await().atMost(Duration.ofSeconds(5)).until(() -> limiter.tryConsume("user:42").isZero());
	}

	@Test
	void forgetsCallersWhoseBudgetRefilled() {
		Bucket4jAuthRateLimiter limiter = Bucket4jAuthRateLimiter.local(1, Duration.ofMillis(100));
		for (int i = 0; i < 50; i++) {
			limiter.tryConsume("address:203.0.113." + i);
		}
		assertThat(limiter.localBuckets()).isEqualTo(50);
		await().atMost(Duration.ofSeconds(5)).until(() -> {
			limiter.tryConsume("user:42");
			return limiter.localBuckets() == 1;
		});
	}

	@Test
	void rejectsUnusableBudgets() {
		assertThatIllegalArgumentException().isThrownBy(() -> Bucket4jAuthRateLimiter.local(0, Duration.ofMinutes(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> Bucket4jAuthRateLimiter.local(10, Duration.ZERO));
	}

}
