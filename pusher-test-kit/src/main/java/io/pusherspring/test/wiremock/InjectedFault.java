package io.pusherspring.test.wiremock;

import java.time.Duration;

import io.pusherspring.test.ReceivedRequest;
import io.pusherspring.test.ReceivedRequest.Fault;
import org.jspecify.annotations.Nullable;

/**
 * A fault to inject into one request of {@code FakePusherServer}, planned or drawn at
 * random. Internal to the test kit: public only so that {@code FakePusherServer} and
 * {@code RandomFaults} can build on it.
 *
 * @param kind what to do
 * @param status the status of an error answer
 * @param retryAfter the {@code Retry-After} header of an error answer, or {@code null}
 * @param delay how late to answer a slow answer
 */
public record InjectedFault(Fault kind, int status, @Nullable String retryAfter, Duration delay) {

	/**
	 * Answer with an error status before any other check; nothing is recorded.
	 * @param status the status
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @return the fault
	 */
	public static InjectedFault errorStatus(int status, @Nullable String retryAfter) {
		return new InjectedFault(Fault.ERROR_STATUS, status, retryAfter, Duration.ZERO);
	}

	/**
	 * Reset the connection without answering; nothing is recorded.
	 * @return the fault
	 */
	public static InjectedFault droppedConnection() {
		return new InjectedFault(Fault.DROPPED_CONNECTION, ReceivedRequest.DROPPED, null, Duration.ZERO);
	}

	/**
	 * Handle the request as Pusher would, then close the connection without answering.
	 * @return the fault
	 */
	public static InjectedFault closedAfterAccepting() {
		return new InjectedFault(Fault.CLOSED_AFTER_ACCEPTING, ReceivedRequest.DROPPED, null, Duration.ZERO);
	}

	/**
	 * Handle the request as Pusher would, and answer late.
	 * @param delay how late
	 * @return the fault
	 */
	public static InjectedFault slowAnswer(Duration delay) {
		return new InjectedFault(Fault.SLOW_ANSWER, 0, null, delay);
	}

	/**
	 * Whether the request is handled as Pusher would before the fault applies.
	 * @return {@code true} for a close after accepting and a slow answer
	 */
	boolean accepts() {
		return this.kind == Fault.CLOSED_AFTER_ACCEPTING || this.kind == Fault.SLOW_ANSWER;
	}

}
