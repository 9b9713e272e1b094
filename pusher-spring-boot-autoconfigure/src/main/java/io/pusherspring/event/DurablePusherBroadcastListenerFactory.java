package io.pusherspring.event;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionException;

import io.pusherspring.core.PusherException;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.EventListenerFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;

/**
 * Adapts {@link DurablePusherBroadcastListener#broadcast(PusherBroadcast)} to an
 * application listener, as {@link TransactionalEventListenerFactory} does, except that a
 * failed broadcast is not logged again. The failure has already been logged in one line
 * (by {@link io.pusherspring.core.LoggingPusherPublishListener}) and reported as a
 * {@link PusherPublishFailedEvent}; the listener returns it as a failed future so that
 * Spring Modulith's registry leaves the publication incomplete; Spring would otherwise
 * log that future's exception a second time, with its stack trace, as an unexpected error
 * in an asynchronous listener. Any other failure (from the registry, say) is still logged
 * by Spring.
 */
public final class DurablePusherBroadcastListenerFactory implements EventListenerFactory, Ordered {

	/**
	 * Before {@link TransactionalEventListenerFactory}, whose order is 50.
	 */
	private static final int ORDER = 40;

	/**
	 * Create a factory.
	 */
	public DurablePusherBroadcastListenerFactory() {
	}

	@Override
	public boolean supportsMethod(Method method) {
		return method.getDeclaringClass() == DurablePusherBroadcastListener.class;
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		return new QuietFailureListener(beanName, type, method);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	private static final class QuietFailureListener extends TransactionalApplicationListenerMethodAdapter {

		QuietFailureListener(String beanName, Class<?> targetClass, Method method) {
			super(beanName, targetClass, method);
		}

		@Override
		protected void handleAsyncError(Throwable failure) {
			Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
			if (!(cause instanceof PusherException)) {
				// not a failure to publish (the registry's own, say): not reported yet
				super.handleAsyncError(failure);
			}
		}

	}

}
