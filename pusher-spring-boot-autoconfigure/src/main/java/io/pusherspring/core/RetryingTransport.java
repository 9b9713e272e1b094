package io.pusherspring.core;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.RequestRetryPolicy.Ending;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Sends blocking requests through a {@link PusherTransport}, retrying transient failures
 * with Spring's {@link RetryTemplate} under a {@link RequestRetryPolicy}: a request
 * either returns a successful answer or throws the {@link PusherException} of its last
 * attempt, which carries the earlier ones as suppressed exceptions. The
 * {@link RetryListener} hears what {@code RetryTemplate} tells it.
 * {@link AsyncRetryingTransport} is its asynchronous sibling.
 */
final class RetryingTransport {

	private final PusherTransport transport;

	private final RetryPolicy policy;

	private final @Nullable RetryListener listener;

	private final Duration maxRetryAfter;

	RetryingTransport(PusherTransport transport, RetryPolicy policy, @Nullable RetryListener listener,
			Duration maxRetryAfter) {
		this.transport = transport;
		this.policy = policy;
		this.listener = listener;
		this.maxRetryAfter = maxRetryAfter;
	}

	/**
	 * Send a request, retrying transient failures.
	 * @param request the request
	 * @return the successful answer
	 * @throws PusherException the last attempt's failure
	 */
	PusherResponse exchange(PusherRequest request) {
		RequestRetryPolicy policy = new RequestRetryPolicy(this.policy, this.maxRetryAfter);
		EndingListener ending = new EndingListener(this.listener);
		RetryTemplate retryTemplate = new RetryTemplate(policy);
		retryTemplate.setRetryListener(ending);
		try {
			return retryTemplate.execute(new Attempt(this.transport, request));
		}
		catch (RetryException ex) {
			Throwable failure = policy.failure(ex.getExceptions(), ending.ending);
			if (failure instanceof RuntimeException runtimeException) {
				throw runtimeException;
			}
			if (failure instanceof Error error) {
				throw error;
			}
			throw new PusherException(request.describe() + " failed", failure);
		}
	}

	/**
	 * One attempt, as the retry listener sees it: named after the request, failing for an
	 * error answer as for no answer.
	 */
	private record Attempt(PusherTransport transport, PusherRequest request) implements Retryable<PusherResponse> {

		@Override
		public PusherResponse execute() {
			PusherResponse response = this.transport.exchange(this.request);
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

	/**
	 * Passes every event on to the application's listener, and remembers why the retries
	 * ended, which {@link RetryException} does not say.
	 */
	private static final class EndingListener implements RetryListener {

		private final @Nullable RetryListener delegate;

		private Ending ending = Ending.EXHAUSTED;

		EndingListener(@Nullable RetryListener delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onRetryableExecution(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			if (this.delegate != null) {
				this.delegate.onRetryableExecution(retryPolicy, retryable, retryState);
			}
		}

		@Override
		public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
			if (this.delegate != null) {
				this.delegate.beforeRetry(retryPolicy, retryable, retryState);
			}
		}

		@Override
		public void onRetrySuccess(RetryPolicy retryPolicy, Retryable<?> retryable, @Nullable Object result) {
			if (this.delegate != null) {
				this.delegate.onRetrySuccess(retryPolicy, retryable, result);
			}
		}

		@Override
		public void onRetryFailure(RetryPolicy retryPolicy, Retryable<?> retryable, Throwable throwable) {
			if (this.delegate != null) {
				this.delegate.onRetryFailure(retryPolicy, retryable, throwable);
			}
		}

		@Override
		public void onRetryPolicyExhaustion(RetryPolicy retryPolicy, Retryable<?> retryable, RetryException exception) {
			if (this.delegate != null) {
				this.delegate.onRetryPolicyExhaustion(retryPolicy, retryable, exception);
			}
		}

		@Override
		public void onRetryPolicyInterruption(RetryPolicy retryPolicy, Retryable<?> retryable,
				RetryException exception) {
			this.ending = Ending.INTERRUPTED;
			if (this.delegate != null) {
				this.delegate.onRetryPolicyInterruption(retryPolicy, retryable, exception);
			}
		}

		@Override
		public void onRetryPolicyTimeout(RetryPolicy retryPolicy, Retryable<?> retryable, RetryException exception) {
			this.ending = Ending.TIMED_OUT;
			if (this.delegate != null) {
				this.delegate.onRetryPolicyTimeout(retryPolicy, retryable, exception);
			}
		}

	}

}
