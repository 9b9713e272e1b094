package io.pusherspring.core;

import java.util.LinkedHashSet;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The {@link PusherPublishListener}s of a template, told the outcome of every message a
 * call published: a batch's result is split back into its messages. A listener that fails
 * is logged and does not fail the call, nor keep the other listeners from hearing.
 */
final class PublishListeners {

	private static final Log logger = LogFactory.getLog(PusherTemplate.class);

	private final List<PusherPublishListener> listeners;

	PublishListeners(List<PusherPublishListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	boolean isEmpty() {
		return this.listeners.isEmpty();
	}

	void published(TemplateOperation operation, @Nullable Object result) {
		if (this.listeners.isEmpty() || operation.messages().isEmpty()) {
			return;
		}
		List<PusherMessage> messages = operation.messages();
		if (result instanceof BatchResult batch) {
			int index = 0;
			for (PusherMessage message : messages) {
				int events = new LinkedHashSet<>(message.channels()).size();
				TriggerResult merged = TriggerResult.empty();
				for (TriggerResult eventResult : batch.results().subList(index, index + events)) {
					merged = merged.merge(eventResult);
				}
				index += events;
				tell(message, merged, null);
			}
			return;
		}
		TriggerResult triggered = (result instanceof TriggerResult trigger) ? trigger : TriggerResult.empty();
		messages.forEach((message) -> tell(message, triggered, null));
	}

	void failed(TemplateOperation operation, PusherException failure) {
		if (!this.listeners.isEmpty()) {
			operation.messages().forEach((message) -> tell(message, null, failure));
		}
	}

	private void tell(@Nullable PusherMessage message, @Nullable TriggerResult result,
			@Nullable PusherException failure) {
		if (message == null) {
			return;
		}
		for (PusherPublishListener listener : this.listeners) {
			try {
				if (failure != null) {
					listener.onError(message, failure);
				}
				else {
					listener.onSuccess(message, result);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("PusherPublishListener " + listener.getClass().getName() + " failed: " + ex);
			}
		}
	}

}
