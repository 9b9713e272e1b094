package io.pusherspring.event;

import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Runs an action after the reactive transaction of the subscriber's context commits (an
 * R2DBC transaction, for example), as {@link AfterCommit} does for transactions bound to
 * the thread. spring-tx is optional: without it there is never a transaction to wait for.
 */
final class ReactiveAfterCommit {

	private static final boolean TRANSACTIONS_PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.reactive.TransactionSynchronizationManager",
			ReactiveAfterCommit.class.getClassLoader());

	private ReactiveAfterCommit() {
	}

	/**
	 * Run the action once the subscriber's transaction has committed, and never if it
	 * rolls back. The commit completes once the action's {@code Mono} has.
	 * @param action the action
	 * @return {@code true} if the action was registered, {@code false}, and the action
	 * not run, if the subscriber's context holds no active transaction
	 */
	static Mono<Boolean> register(Supplier<Mono<Void>> action) {
		return TRANSACTIONS_PRESENT ? Synchronization.register(action) : Mono.just(false);
	}

	/**
	 * The only code that touches spring-tx, loaded when it is present.
	 */
	private record Synchronization(Supplier<Mono<Void>> action) implements TransactionSynchronization {

		static Mono<Boolean> register(Supplier<Mono<Void>> action) {
			return TransactionSynchronizationManager.forCurrentTransaction().map((synchronizations) -> {
				if (!synchronizations.isSynchronizationActive() || !synchronizations.isActualTransactionActive()) {
					return false;
				}
				synchronizations.registerSynchronization(new Synchronization(action));
				return true;
			}).onErrorResume(NoTransactionException.class, (ex) -> Mono.just(false));
		}

		@Override
		public Mono<Void> afterCompletion(int status) {
			return (status == STATUS_COMMITTED) ? this.action.get() : Mono.empty();
		}

	}

}
