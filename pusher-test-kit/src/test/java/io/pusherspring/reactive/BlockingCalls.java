package io.pusherspring.reactive;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * BlockHound, installed once for the JVM: every blocking call on a non-blocking thread
 * (Reactor's, and Netty's event loops, Reactor Netty's among them) is remembered here and
 * fails with a {@link BlockingOperationError}, so that a test sees it even when the code
 * under test swallows the error.
 */
final class BlockingCalls {

	private static final List<String> detected = new CopyOnWriteArrayList<>();

	static {
		BlockHound.install((builder) -> builder.blockingMethodCallback((method) -> {
			detected.add(method + " on " + Thread.currentThread().getName());
			throw new BlockingOperationError(method);
		}));
	}

	private BlockingCalls() {
	}

	/**
	 * Install BlockHound if it is not yet, and forget what it detected so far.
	 */
	static void reset() {
		detected.clear();
	}

	/**
	 * The blocking calls detected since the last {@link #reset()}.
	 * @return each call, with the thread that made it
	 */
	static List<String> detected() {
		return List.copyOf(detected);
	}

}
