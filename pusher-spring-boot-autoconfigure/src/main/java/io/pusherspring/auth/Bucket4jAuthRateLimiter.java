package io.pusherspring.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * An {@link AuthRateLimiter} on Bucket4j token buckets: each caller may make
 * {@code capacity} requests at once, refilled greedily at {@code capacity} per
 * {@code period}.
 * <p>
 * {@link #local local} buckets live in this instance's memory (each instance of an
 * application has its own budget); {@link #shared shared} buckets live in the store of a
 * Bucket4j {@link ProxyManager} (JCache, Redis, JDBC, ...), so that every instance behind
 * a load balancer draws on one budget per caller.
 * <p>
 * For the Spring WebFlux endpoints, which must not block: local buckets are taken from on
 * the calling thread (they are lock-free and in memory); shared buckets through the proxy
 * manager's asynchronous mode where its store supports one (Redis, for example), else
 * (JDBC) on the executor of blocking work.
 */
public final class Bucket4jAuthRateLimiter implements AuthRateLimiter {

	private static final String KEY_PREFIX = "pusher-auth:";

	private final Function<String, Bucket> buckets;

	private final @Nullable LocalBuckets local;

	private final @Nullable Function<String, AsyncBucketProxy> asyncBuckets;

	private final String description;

	private Bucket4jAuthRateLimiter(Function<String, Bucket> buckets, @Nullable LocalBuckets local,
			@Nullable Function<String, AsyncBucketProxy> asyncBuckets, String description) {
		this.buckets = buckets;
		this.local = local;
		this.asyncBuckets = asyncBuckets;
		this.description = description;
	}

	/**
	 * Buckets in this instance's memory. A bucket that is full again (its caller has been
	 * idle for a period) is dropped, so memory follows the number of recent callers.
	 * @param capacity requests a caller may make at once
	 * @param period time in which a used-up budget refills
	 * @return the rate limiter
	 */
	public static Bucket4jAuthRateLimiter local(long capacity, Duration period) {
		LocalBuckets buckets = new LocalBuckets(bandwidth(capacity, period), period);
		return new Bucket4jAuthRateLimiter(buckets::get, buckets, null,
				"local, " + capacity + " requests per " + period + " per caller");
	}

	/**
	 * Buckets in the store of a {@link ProxyManager}, shared by every instance that uses
	 * the same store. Keys are the caller keys prefixed with {@code pusher-auth:}. If the
	 * proxy manager {@linkplain ProxyManager#isAsyncModeSupported() supports an
	 * asynchronous mode}, the WebFlux endpoints use it.
	 * @param proxyManager the proxy manager
	 * @param capacity requests a caller may make at once
	 * @param period time in which a used-up budget refills
	 * @return the rate limiter
	 */
	public static Bucket4jAuthRateLimiter shared(ProxyManager<String> proxyManager, long capacity, Duration period) {
		Assert.notNull(proxyManager, "'proxyManager' must not be null");
		BucketConfiguration configuration = BucketConfiguration.builder().addLimit(bandwidth(capacity, period)).build();
		Function<String, AsyncBucketProxy> asyncBuckets = null;
		if (proxyManager.isAsyncModeSupported()) {
			AsyncProxyManager<String> async = proxyManager.asAsync();
			Supplier<CompletableFuture<BucketConfiguration>> asyncConfiguration = () -> CompletableFuture
				.completedFuture(configuration);
			asyncBuckets = (key) -> async.builder().build(KEY_PREFIX + key, asyncConfiguration);
		}
		return new Bucket4jAuthRateLimiter((key) -> proxyManager.builder().build(KEY_PREFIX + key, () -> configuration),
				null, asyncBuckets, "shared through " + proxyManager.getClass().getSimpleName() + ", " + capacity
						+ " requests per " + period + " per caller");
	}

	private static Bandwidth bandwidth(long capacity, Duration period) {
		Assert.isTrue(capacity > 0, "'capacity' must be positive");
		Assert.isTrue(period != null && !period.isNegative() && !period.isZero(), "'period' must be positive");
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	@Override
	public Duration tryConsume(String key) {
		return waitFor(this.buckets.apply(key).tryConsumeAndReturnRemaining(1));
	}

	@Override
	public CompletionStage<Duration> tryConsumeAsync(String key, Executor blockingExecutor) {
		if (this.local != null) {
			return CompletableFuture.completedFuture(tryConsume(key));
		}
		if (this.asyncBuckets != null) {
			return this.asyncBuckets.apply(key)
				.tryConsumeAndReturnRemaining(1)
				.thenApply(Bucket4jAuthRateLimiter::waitFor);
		}
		return CompletableFuture.supplyAsync(() -> tryConsume(key), blockingExecutor);
	}

	private static Duration waitFor(ConsumptionProbe probe) {
		return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
	}

	/**
	 * How many callers have a local bucket.
	 */
	int localBuckets() {
		return (this.local != null) ? this.local.buckets.size() : 0;
	}

	@Override
	public String toString() {
		return "Bucket4jAuthRateLimiter[" + this.description + "]";
	}

	/**
	 * One local bucket per caller. Every period, buckets that are full again are dropped:
	 * a new bucket for the same caller starts full, so nothing is lost.
	 */
	private static final class LocalBuckets {

		private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

		private final Bandwidth limit;

		private final long periodNanos;

		private final AtomicLong nextSweep;

		LocalBuckets(Bandwidth limit, Duration period) {
			this.limit = limit;
			this.periodNanos = period.toNanos();
			this.nextSweep = new AtomicLong(System.nanoTime() + this.periodNanos);
		}

		Bucket get(String key) {
			sweepIfDue();
			return this.buckets.computeIfAbsent(key, (k) -> Bucket.builder().addLimit(this.limit).build());
		}

		private void sweepIfDue() {
			long now = System.nanoTime();
			long due = this.nextSweep.get();
			if (now - due >= 0 && this.nextSweep.compareAndSet(due, now + this.periodNanos)) {
				this.buckets.values().removeIf((bucket) -> bucket.getAvailableTokens() >= this.limit.getCapacity());
			}
		}

	}

}
