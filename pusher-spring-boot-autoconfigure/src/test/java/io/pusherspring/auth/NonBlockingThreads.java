package io.pusherspring.auth;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.blockhound.BlockHound;
import reactor.blockhound.BlockingOperationError;

/**
 * BlockHound, installed once in the test JVM: a blocking call on a non-blocking thread
 * (Reactor Netty's event loops, Reactor's parallel scheduler) is recorded here and fails
 * with {@link BlockingOperationError}. Tests of the WebFlux endpoints assert that none
 * was recorded.
 */
final class NonBlockingThreads {

	private static final List<String> violations = new CopyOnWriteArrayList<>();

	private static boolean installed;

	private NonBlockingThreads() {
	}

	static synchronized void install() {
		if (installed) {
			return;
		}
		// with the integrations on the class path: Reactor's and Netty's say which
		// threads
		// are non-blocking
		BlockHound.install((builder) -> builder
			// log lines are written where they are logged, as in production
			.allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "append")
			.blockingMethodCallback((method) -> {
				if (waitingForWork()) {
					return;
				}
				violations.add(method + " on " + Thread.currentThread().getName());
				throw new BlockingOperationError(method);
			}));
		installed = true;
	}

	/**
	 * Whether the current thread is a pool's idle worker waiting for a task. Reactor's
	 * integration allows that wait, but only for waits that began after BlockHound was
	 * installed: a worker of a scheduler that other tests in this JVM started earlier may
	 * still be in the wait it began before, and a failure thrown there would kill it (and
	 * with it, the scheduler's later tasks).
	 */
	private static boolean waitingForWork() {
		return StackWalker.getInstance()
			.walk((frames) -> frames
				.anyMatch((frame) -> frame.getClassName().equals("java.util.concurrent.ThreadPoolExecutor")
						&& frame.getMethodName().equals("getTask")));
	}

	/**
	 * The blocking calls seen on non-blocking threads since the last call, then forgets
	 * them.
	 */
	static List<String> violations() {
		List<String> seen = List.copyOf(violations);
		violations.clear();
		return seen;
	}

}
