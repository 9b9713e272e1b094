package io.pusherspring.event;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * Runs an action after the current transaction commits. spring-tx is optional: without it
 * there is never a transaction to wait for.
 */
final class AfterCommit {

	private static final boolean TRANSACTIONS_PRESENT = ClassUtils.isPresent(
			"org.springframework.transaction.support.TransactionSynchronizationManager",
			AfterCommit.class.getClassLoader());

	private AfterCommit() {
	}

	/**
	 * Run the action once the active transaction has committed, and never if it rolls
	 * back.
	 * @param action the action
	 * @return {@code false}, and the action not run, if no transaction is active
	 */
	static boolean register(Runnable action) {
		return TRANSACTIONS_PRESENT && Synchronization.register(action);
	}

	/**
	 * The only code that touches spring-tx, loaded when it is present.
	 */
	private record Synchronization(Runnable action) implements TransactionSynchronization {

		static boolean register(Runnable action) {
			if (!TransactionSynchronizationManager.isSynchronizationActive()
					|| !TransactionSynchronizationManager.isActualTransactionActive()) {
				return false;
			}
			TransactionSynchronizationManager.registerSynchronization(new Synchronization(action));
			return true;
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				this.action.run();
			}
		}

	}

}
