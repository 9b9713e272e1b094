package io.pusherspring.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;

/**
 * What an asynchronous call failed with, under the wrappers that futures add.
 */
final class Futures {

	private Futures() {
	}

	/**
	 * The failure inside {@link CompletionException} and {@link ExecutionException}
	 * wrappers.
	 * @param failure a future's failure, or {@code null}
	 * @return the innermost failure that is not such a wrapper, or {@code null}
	 */
	static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
