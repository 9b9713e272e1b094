package io.pusherspring.core;

import java.util.List;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

/**
 * A {@link RetryListener} that writes down what it hears, one line per call, such as
 * {@code "execution POST /events 1/2"} (retries made, failures so far),
 * {@code "before retry 1"}, {@code "failure 503"} or {@code "exhausted 2 suppressed"}.
 *
 * @param events where the lines go
 */
record RecordingRetryListener(List<String> events) implements RetryListener {

	@Override
	public void onRetryableExecution(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
		this.events
			.add("execution " + retryable.getName() + " " + state.getRetryCount() + "/" + state.getExceptions().size());
	}

	@Override
	public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
		this.events.add("before retry " + state.getRetryCount());
	}

	@Override
	public void onRetrySuccess(RetryPolicy policy, Retryable<?> retryable, Object result) {
		this.events.add("success");
	}

	@Override
	public void onRetryFailure(RetryPolicy policy, Retryable<?> retryable, Throwable throwable) {
		this.events.add("failure " + ((PusherApiException) throwable).getStatusCode());
	}

	@Override
	public void onRetryPolicyExhaustion(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
		this.events.add("exhausted " + exception.getSuppressed().length + " suppressed");
	}

	@Override
	public void onRetryPolicyTimeout(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
		this.events.add("timed out " + exception.getSuppressed().length + " suppressed");
	}

	@Override
	public void onRetryPolicyInterruption(RetryPolicy policy, Retryable<?> retryable, RetryException exception) {
		this.events.add("interrupted " + exception.getSuppressed().length + " suppressed");
	}

}
