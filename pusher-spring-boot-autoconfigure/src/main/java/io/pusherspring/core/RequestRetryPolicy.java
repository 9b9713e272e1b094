package io.pusherspring.core;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry policy of one request, blocking or asynchronous: the configured policy, but
 * only for failures a retry can help (I/O errors, 5xx and 429; other 4xx answers fail the
 * same way every time), and mindful of {@code Retry-After}. The wait before a retry is
 * the configured back-off, or longer if the last answer's {@code Retry-After} asked for
 * more; a {@code Retry-After} longer than the template's limit ends the call at once. One
 * instance per request, since it remembers the last answer's {@code Retry-After}; both
 * retry paths read it the same way, so that they decide alike.
 */
final class RequestRetryPolicy implements RetryPolicy {

	private final RetryPolicy configured;

	private final Duration maxRetryAfter;

	private long retryAfterMillis;

	private @Nullable String stopReason;

	RequestRetryPolicy(RetryPolicy configured, Duration maxRetryAfter) {
		this.configured = configured;
		this.maxRetryAfter = maxRetryAfter;
	}

	@Override
	public boolean shouldRetry(Throwable throwable) {
		if (!(throwable instanceof PusherException failure && failure.isRetryable()
				&& this.configured.shouldRetry(throwable))) {
			return false;
		}
		Duration retryAfter = (failure instanceof PusherApiException api) ? api.getRetryAfter().orElse(null) : null;
		if (retryAfter != null && retryAfter.compareTo(this.maxRetryAfter) > 0) {
			this.stopReason = "Pusher asked to wait " + format(retryAfter)
					+ " before sending again (Retry-After), longer than the longest wait allowed ("
					+ format(this.maxRetryAfter) + ", pusher.retry.max-delay), so it was not retried";
			return false;
		}
		this.retryAfterMillis = (retryAfter != null) ? retryAfter.toMillis() : 0;
		return true;
	}

	@Override
	public Duration getTimeout() {
		return this.configured.getTimeout();
	}

	/**
	 * The configured back-off, waiting at least as long as the last {@code Retry-After}.
	 */
	@Override
	public BackOff getBackOff() {
		return () -> {
			BackOffExecution configured = this.configured.getBackOff().start();
			return () -> {
				long delay = configured.nextBackOff();
				return (delay != BackOffExecution.STOP) ? Math.max(delay, this.retryAfterMillis) : delay;
			};
		};
	}

	/**
	 * The exception a call fails with: the last failure, with the earlier ones as
	 * suppressed exceptions and notes on why it ended and whether an earlier attempt may
	 * have delivered the event.
	 * @param failures the failure of every attempt, oldest first
	 * @param ending why no further attempt was made
	 * @return the last failure, annotated
	 */
	Throwable failure(List<Throwable> failures, Ending ending) {
		Throwable last = failures.get(failures.size() - 1);
		List<Throwable> earlier = failures.subList(0, failures.size() - 1);
		for (Throwable failure : earlier) {
			if (failure != last) {
				last.addSuppressed(failure);
			}
		}
		if (last instanceof PusherException pusherException) {
			if (ending == Ending.INTERRUPTED) {
				pusherException.addNote("interrupted while waiting to send it again");
			}
			else if (ending == Ending.TIMED_OUT) {
				pusherException.addNote(
						"not retried: the next attempt would start after the retry timeout of " + format(getTimeout()));
			}
			else if (this.stopReason != null) {
				pusherException.addNote(this.stopReason);
			}
			if (failures.size() > 1) {
				pusherException
					.addNote("failed " + failures.size() + " attempts; the earlier failures are suppressed exceptions");
			}
			if (pusherException.isPossiblyDelivered() && anyPossiblyDelivered(earlier)) {
				pusherException.addNote("an earlier attempt failed after it was sent, so Pusher may have "
						+ "accepted the event: sending it again may deliver it twice");
			}
		}
		return last;
	}

	private static boolean anyPossiblyDelivered(List<Throwable> failures) {
		for (Throwable failure : failures) {
			if (failure instanceof PusherException pusherException && pusherException.isPossiblyDelivered()) {
				return true;
			}
		}
		return false;
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	/**
	 * Why a call made no further attempt, as {@code RetryTemplate} tells its listener.
	 */
	enum Ending {

		/** The policy allows no further attempt. */
		EXHAUSTED,

		/** The next attempt would start after the policy's timeout. */
		TIMED_OUT,

		/** The caller was interrupted while waiting to retry. */
		INTERRUPTED

	}

}
