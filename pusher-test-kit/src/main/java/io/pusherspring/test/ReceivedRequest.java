package io.pusherspring.test;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One request {@link FakePusherServer} received, whatever it answered.
 *
 * @param method the HTTP method
 * @param path the request path, decoded, such as {@code /apps/1000/events}
 * @param query the query parameters, decoded, authentication ones included
 * @param body the request body, empty if there was none
 * @param status the status answered, or {@link #DROPPED} if the connection was closed
 * without an answer
 * @param fault the fault injected into this request, or {@code null} if none was
 */
public record ReceivedRequest(String method, String path, Map<String, String> query, String body, int status,
		@Nullable Fault fault) {

	/**
	 * The {@link #status()} of a request whose connection was closed without an answer.
	 */
	public static final int DROPPED = 0;

	private static final String AUTH_SIGNATURE = "auth_signature";

	/**
	 * A request that was received.
	 * @param method the HTTP method
	 * @param path the request path, decoded
	 * @param query the query parameters, decoded
	 * @param body the request body
	 * @param status the status answered, or {@link #DROPPED}
	 * @param fault the fault injected into the request, or {@code null}
	 */
	public ReceivedRequest {
		query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
	}

	/**
	 * A request into which no fault was injected.
	 * @param method the HTTP method
	 * @param path the request path, decoded
	 * @param query the query parameters, decoded
	 * @param body the request body
	 * @param status the status answered, or {@link #DROPPED}
	 */
	public ReceivedRequest(String method, String path, Map<String, String> query, String body, int status) {
		this(method, path, query, body, status, null);
	}

	/**
	 * Whether the path is below {@code /apps/{appId}} and ends with the given suffix,
	 * such as {@code /events} or {@code /batch_events}.
	 * @param suffix the end of the path
	 * @return {@code true} if the path ends with it
	 */
	public boolean isTo(String suffix) {
		return this.path.startsWith("/apps/") && this.path.endsWith(suffix);
	}

	/**
	 * Whether the server handled the request as Pusher would, recording what it accepted,
	 * but gave no answer in time: its connection was closed after accepting, or the
	 * answer was slow. Only such requests can deliver an event that the client sends
	 * again. A client that gets no CPU until a slow answer is there may still read it and
	 * succeed.
	 * @return {@code true} for the faults that accept without answering in time
	 */
	public boolean isHandledWithoutTimelyAnswer() {
		return this.fault == Fault.CLOSED_AFTER_ACCEPTING || this.fault == Fault.SLOW_ANSWER;
	}

	/**
	 * The method, path, query without the signature, status and fault; never the
	 * signature.
	 */
	@Override
	public String toString() {
		String parameters = this.query.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "="
					+ (AUTH_SIGNATURE.equals(entry.getKey()) ? "[redacted]" : entry.getValue()))
			.collect(Collectors.joining("&"));
		return this.method + " " + this.path + (parameters.isEmpty() ? "" : "?" + parameters) + " -> "
				+ ((this.status != DROPPED) ? this.status : "dropped")
				+ ((this.fault != null) ? " (injected: " + this.fault + ")" : "");
	}

	/**
	 * A fault {@link FakePusherServer} injected into a request.
	 */
	public enum Fault {

		/** Answered with an error status before any other check; nothing recorded. */
		ERROR_STATUS,

		/** The connection was reset without an answer; nothing recorded. */
		DROPPED_CONNECTION,

		/** Handled as Pusher would, events recorded, then closed without an answer. */
		CLOSED_AFTER_ACCEPTING,

		/** Handled as Pusher would, events recorded, answered after a delay. */
		SLOW_ANSWER

	}

}
