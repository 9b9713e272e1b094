package io.pusherspring.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * What an asynchronous call failed with, under the wrappers that futures add; and the
 * stages of an asynchronous call, which pass a cancellation down to the HTTP exchange.
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

	/**
	 * {@code source.thenApply(mapper)}, except that cancelling the stage returned also
	 * cancels the source.
	 */
	static <T, R> CompletableFuture<R> map(CompletableFuture<T> source, Function<? super T, ? extends R> mapper) {
		Linked<R> stage = new Linked<>(source);
		source.whenComplete((value, failure) -> {
			if (failure != null) {
				stage.completeExceptionally(failure);
				return;
			}
			try {
				stage.complete(mapper.apply(value));
			}
			catch (Throwable ex) {
				stage.completeExceptionally(ex);
			}
		});
		return stage;
	}

	/**
	 * {@code source.whenComplete(action)}, except that cancelling the stage returned also
	 * cancels the source.
	 */
	static <T> CompletableFuture<T> whenComplete(CompletableFuture<T> source,
			BiConsumer<? super @Nullable T, ? super @Nullable Throwable> action) {
		Linked<T> stage = new Linked<>(source);
		source.whenComplete((value, failure) -> {
			try {
				action.accept(value, failure);
			}
			catch (Throwable ex) {
				if (failure == null) {
					stage.completeExceptionally(ex);
					return;
				}
			}
			if (failure != null) {
				stage.completeExceptionally(failure);
			}
			else {
				stage.complete(value);
			}
		});
		return stage;
	}

	/**
	 * A stage of an asynchronous call that cancels the futures it was made from when it
	 * is cancelled, so that cancelling the future a caller holds (or a {@code Mono}
	 * subscription over it) reaches the exchange. Stages that callers chain to it are
	 * plain futures: cancelling one of those cancels nothing else.
	 */
	static final class Linked<T> extends CompletableFuture<T> {

		private final Future<?>[] sources;

		Linked(Future<?>... sources) {
			this.sources = sources;
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			if (cancelled) {
				for (Future<?> source : this.sources) {
					source.cancel(mayInterruptIfRunning);
				}
			}
			return cancelled;
		}

	}

}
