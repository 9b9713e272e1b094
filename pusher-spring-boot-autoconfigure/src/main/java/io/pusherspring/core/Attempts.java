package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The attempts of one request after its first failure: decides whether and when to try
 * again, tells the {@link RetryListener} at the same points as Spring's
 * {@code RetryTemplate}, and builds the exception the call fails with. Shared by blocking
 * and asynchronous calls, which are never retried concurrently.
 * <p>
 * The wait before a retry is the policy's back-off, or longer if the answer's
 * {@code Retry-After} asked for more; a {@code Retry-After} longer than the template's
 * limit ends the call at once, as does a wait that would end past the policy's timeout.
 */
final class Attempts implements RetryState {

	static final long STOP = BackOffExecution.STOP;

	private final RetryPolicy policy;

	private final @Nullable RetryListener listener;

	private final Duration maxRetryAfter;

	private final Retryable<?> retryable;

	private final long startNanos;

	private final List<Throwable> failures = new ArrayList<>(4);

	private @Nullable BackOffExecution backOff;

	private int retryCount;

	private @Nullable String stopReason;

	private boolean timedOut;

	Attempts(RetryPolicy policy, @Nullable RetryListener listener, Duration maxRetryAfter, Retryable<?> retryable,
			long startNanos) {
		this.policy = policy;
		this.listener = listener;
		this.maxRetryAfter = maxRetryAfter;
		this.retryable = retryable;
		this.startNanos = startNanos;
	}

	/**
	 * Tell the listener that a request succeeded at its first attempt.
	 */
	static void succeededAtOnce(RetryPolicy policy, RetryListener listener, Retryable<?> retryable) {
		listener.onRetryableExecution(policy, retryable, NO_FAILURES);
	}

	/**
	 * Record a failed attempt and decide what comes next.
	 * @param failure what the attempt failed with
	 * @return how many milliseconds to wait before the next attempt, or {@link #STOP}
	 */
	long failed(Throwable failure) {
		boolean first = this.failures.isEmpty();
		this.failures.add(failure);
		if (this.listener != null) {
			if (!first) {
				this.listener.onRetryFailure(this.policy, this.retryable, failure);
			}
			this.listener.onRetryableExecution(this.policy, this.retryable, this);
		}
		if (!this.policy.shouldRetry(failure)) {
			return STOP;
		}
		if (this.backOff == null) {
			this.backOff = this.policy.getBackOff().start();
		}
		long delay = this.backOff.nextBackOff();
		if (delay == STOP) {
			return STOP;
		}
		Duration retryAfter = (failure instanceof PusherApiException api) ? api.getRetryAfter().orElse(null) : null;
		if (retryAfter != null) {
			if (retryAfter.compareTo(this.maxRetryAfter) > 0) {
				this.stopReason = "Pusher asked to wait " + format(retryAfter)
						+ " before sending again (Retry-After), longer than the longest wait allowed ("
						+ format(this.maxRetryAfter) + ", pusher.retry.max-delay), so it was not retried";
				return STOP;
			}
			delay = Math.max(delay, retryAfter.toMillis());
		}
		long timeout = this.policy.getTimeout().toMillis();
		if (timeout > 0 && elapsedMillis() + delay >= timeout) {
			this.timedOut = true;
			this.stopReason = "not retried: the next attempt would start after the retry timeout of "
					+ format(this.policy.getTimeout());
			return STOP;
		}
		return delay;
	}

	/**
	 * Count the retry about to start.
	 */
	void retrying() {
		this.retryCount++;
		if (this.listener != null) {
			this.listener.beforeRetry(this.policy, this.retryable, this);
		}
	}

	/**
	 * Record that the last retry succeeded.
	 * @param result its result
	 */
	void succeeded(@Nullable Object result) {
		if (this.listener != null) {
			this.listener.onRetrySuccess(this.policy, this.retryable, result);
			this.listener.onRetryableExecution(this.policy, this.retryable, this);
		}
	}

	/**
	 * The exception the call fails with: the last failure, with the earlier ones as
	 * suppressed exceptions and a note on why it was not retried.
	 * @param interrupted whether the caller was interrupted while waiting to retry
	 * @return the last failure
	 */
	Throwable failure(boolean interrupted) {
		Throwable last = this.failures.get(this.failures.size() - 1);
		for (Throwable earlier : this.failures.subList(0, this.failures.size() - 1)) {
			if (earlier != last) {
				last.addSuppressed(earlier);
			}
		}
		if (last instanceof PusherException pusherException) {
			if (interrupted) {
				pusherException.addNote("interrupted while waiting to send it again");
			}
			else if (this.stopReason != null) {
				pusherException.addNote(this.stopReason);
			}
			if (this.failures.size() > 1) {
				pusherException.addNote(
						"failed " + this.failures.size() + " attempts; the earlier failures are suppressed exceptions");
			}
			if (pusherException.isPossiblyDelivered() && earlierAttemptPossiblyDelivered()) {
				pusherException.addNote("an earlier attempt failed after it was sent, so Pusher may have "
						+ "accepted the event: sending it again may deliver it twice");
			}
		}
		if (this.listener != null) {
			RetryException exception = new RetryException("Retry policy for operation '" + this.retryable.getName()
					+ "' " + (interrupted ? "interrupted" : this.timedOut ? "timed out" : "exhausted"), last);
			this.failures.subList(0, this.failures.size() - 1).forEach(exception::addSuppressed);
			if (interrupted) {
				this.listener.onRetryPolicyInterruption(this.policy, this.retryable, exception);
			}
			else if (this.timedOut) {
				this.listener.onRetryPolicyTimeout(this.policy, this.retryable, exception);
			}
			else {
				this.listener.onRetryPolicyExhaustion(this.policy, this.retryable, exception);
			}
		}
		return last;
	}

	@Override
	public int getRetryCount() {
		return this.retryCount;
	}

	@Override
	public List<Throwable> getExceptions() {
		return Collections.unmodifiableList(this.failures);
	}

	private boolean earlierAttemptPossiblyDelivered() {
		for (Throwable earlier : this.failures.subList(0, this.failures.size() - 1)) {
			if (earlier instanceof PusherException failure && failure.isPossiblyDelivered()) {
				return true;
			}
		}
		return false;
	}

	private long elapsedMillis() {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos);
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private static final RetryState NO_FAILURES = new RetryState() {

		@Override
		public int getRetryCount() {
			return 0;
		}

		@Override
		public List<Throwable> getExceptions() {
			return List.of();
		}

	};

}
