package io.pusherspring.autoconfigure;

import io.pusherspring.event.InvalidPusherEventException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains {@link InvalidPusherEventException}: which {@code @PusherEvent} method and
 * attribute cannot work, and why.
 */
class InvalidPusherEventFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPusherEventException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPusherEventException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix " + ((cause.getAttribute() != null) ? "the '" + cause.getAttribute() + "' attribute of " : "")
						+ "@PusherEvent on " + cause.getMethod().toGenericString() + ".",
				cause);
	}

}
