package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.pusherspring.core.RequestRetryPolicy.Ending;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The asynchronous sibling of {@link RetryingTransport}: sends requests through a
 * {@link PusherTransport} without blocking, and retries transient failures under the same
 * {@link RequestRetryPolicy}, waiting on a delayed executor instead of a thread. It tells
 * the {@link RetryListener} what Spring's {@code RetryTemplate} would, at the same
 * points, and fails with the same exception the blocking path throws. Cancelling the
 * future it returns cancels the attempt in flight, which aborts its exchange, and stops
 * the retries.
 */
final class AsyncRetryingTransport {

	private static final Log logger = LogFactory.getLog(PusherTemplate.class);

	private final PusherTransport transport;

	private final RetryPolicy policy;

	private final @Nullable RetryListener listener;

	private final Duration maxRetryAfter;

	AsyncRetryingTransport(PusherTransport transport, RetryPolicy policy, @Nullable RetryListener listener,
			Duration maxRetryAfter) {
		this.transport = transport;
		this.policy = policy;
		this.listener = listener;
		this.maxRetryAfter = maxRetryAfter;
	}

	/**
	 * Send a request, retrying transient failures.
	 * @param request the request
	 * @return the successful answer; completes exceptionally with the last attempt's
	 * {@link PusherException}
	 */
	CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		AsyncRetryExecution execution = new AsyncRetryExecution(request);
		execution.attempt();
		return execution.result;
	}

	/**
	 * The caller's future: cancelling it cancels the attempt in flight, and no attempt
	 * follows.
	 */
	private static final class RetriedExchange extends CompletableFuture<PusherResponse> {

		private volatile @Nullable CompletableFuture<PusherResponse> attempt;

		void attempt(CompletableFuture<PusherResponse> attempt) {
			this.attempt = attempt;
			if (isCancelled()) {
				attempt.cancel(true);
			}
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			CompletableFuture<PusherResponse> attempt = this.attempt;
			if (cancelled && attempt != null) {
				attempt.cancel(mayInterruptIfRunning);
			}
			return cancelled;
		}

	}

	/**
	 * The attempts of one request: the {@link RetryState} the listener sees, and the
	 * future the caller waits on.
	 */
	private final class AsyncRetryExecution implements RetryState, Retryable<PusherResponse> {

		private final PusherRequest request;

		private final RetriedExchange result = new RetriedExchange();

		private final long startNanos = System.nanoTime();

		private @Nullable RequestRetryPolicy policy;

		private List<Throwable> failures = List.of();

		private @Nullable BackOffExecution backOff;

		private int retryCount;

		AsyncRetryExecution(PusherRequest request) {
			this.request = request;
		}

		/**
		 * Created when needed: most requests succeed at once, unheard by a listener.
		 */
		private RequestRetryPolicy policy() {
			if (this.policy == null) {
				this.policy = new RequestRetryPolicy(AsyncRetryingTransport.this.policy,
						AsyncRetryingTransport.this.maxRetryAfter);
			}
			return this.policy;
		}

		void attempt() {
			if (this.result.isDone()) {
				return;
			}
			CompletableFuture<PusherResponse> call;
			try {
				call = AsyncRetryingTransport.this.transport.exchangeAsync(this.request);
			}
			catch (RuntimeException ex) {
				call = CompletableFuture.failedFuture(ex);
			}
			this.result.attempt(call);
			call.whenComplete((response, failed) -> {
				try {
					attempted(response, failed);
				}
				catch (Throwable ex) {
					// a retry listener failed: end the call rather than leave it hanging
					this.result.completeExceptionally(ex);
				}
			});
		}

		private void attempted(@Nullable PusherResponse response, @Nullable Throwable failed) {
			if (this.result.isDone()) {
				// cancelled: the caller no longer waits, so nothing is retried or
				// reported
				return;
			}
			Throwable failure = Futures.unwrap(failed);
			if (failure == null && !response.isSuccessful()) {
				failure = PusherApiException.forResponse(this.request, response);
			}
			RetryListener listener = AsyncRetryingTransport.this.listener;
			if (failure == null) {
				if (listener != null && this.retryCount > 0) {
					listener.onRetrySuccess(policy(), this, response);
				}
				if (listener != null) {
					listener.onRetryableExecution(policy(), this, this);
				}
				this.result.complete(response);
				return;
			}
			if (this.failures.isEmpty()) {
				this.failures = new ArrayList<>(4);
			}
			this.failures.add(failure);
			if (listener != null) {
				if (this.retryCount > 0) {
					listener.onRetryFailure(policy(), this, failure);
				}
				listener.onRetryableExecution(policy(), this, this);
			}
			long delay = nextDelay(failure);
			if (delay == BackOffExecution.STOP) {
				fail(Ending.EXHAUSTED);
				return;
			}
			long timeout = policy().getTimeout().toMillis();
			if (timeout > 0 && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - this.startNanos) + delay >= timeout) {
				fail(Ending.TIMED_OUT);
				return;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Retrying " + getName() + " in " + delay + "ms after: " + failure.getMessage());
			}
			CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
				if (this.result.isDone()) {
					return;
				}
				try {
					this.retryCount++;
					if (listener != null) {
						listener.beforeRetry(policy(), this, this);
					}
					attempt();
				}
				catch (Throwable ex) {
					// a retry listener failed: end the call rather than leave it hanging
					this.result.completeExceptionally(ex);
				}
			});
		}

		private long nextDelay(Throwable failure) {
			if (!policy().shouldRetry(failure)) {
				return BackOffExecution.STOP;
			}
			if (this.backOff == null) {
				this.backOff = policy().getBackOff().start();
			}
			return this.backOff.nextBackOff();
		}

		private void fail(Ending ending) {
			Throwable last = policy().failure(List.copyOf(this.failures), ending);
			RetryListener listener = AsyncRetryingTransport.this.listener;
			if (listener != null) {
				RetryException exception = new RetryException("Retry policy for operation '" + getName() + "' "
						+ ((ending == Ending.TIMED_OUT) ? "timed out" : "exhausted"), last);
				this.failures.subList(0, this.failures.size() - 1).forEach(exception::addSuppressed);
				if (ending == Ending.TIMED_OUT) {
					listener.onRetryPolicyTimeout(policy(), this, exception);
				}
				else {
					listener.onRetryPolicyExhaustion(policy(), this, exception);
				}
			}
			this.result.completeExceptionally(last);
		}

		@Override
		public int getRetryCount() {
			return this.retryCount;
		}

		@Override
		public List<Throwable> getExceptions() {
			return Collections.unmodifiableList(this.failures);
		}

		/**
		 * Sends the request once more, blocking, for listeners that call it; the template
		 * never does.
		 */
		@Override
		public PusherResponse execute() {
			PusherResponse response = AsyncRetryingTransport.this.transport.exchange(this.request);
			if (!response.isSuccessful()) {
				throw PusherApiException.forResponse(this.request, response);
			}
			return response;
		}

		@Override
		public String getName() {
			return this.request.describe();
		}

	}

}
