package io.pusherspring.test;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.pusherspring.test.RandomFaults.InjectedFault;
import io.pusherspring.test.ReceivedRequest.Fault;
import io.pusherspring.test.simulator.HttpApiRequest;
import io.pusherspring.test.simulator.PusherApiSimulator;
import io.pusherspring.test.simulator.PusherApiSimulator.Answer;
import io.pusherspring.test.simulator.PusherHttpApi;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FakePusherServer} does with one HTTP API request, independent of the HTTP
 * server: injected faults first (planned ones, then random ones), then the
 * {@link PusherHttpApi}. An error status or a dropped connection replaces the API's
 * answer, a close after accepting or a slow answer follows it. Every request is kept with
 * its answer, and logged at debug level without its query. Safe to call from several
 * threads at once.
 */
final class FakePusherHandler {

	private static final Log logger = LogFactory.getLog(FakePusherServer.class);

	private final PusherHttpApi api;

	private final Queue<InjectedFault> plannedFaults = new ConcurrentLinkedQueue<>();

	private volatile @Nullable RandomFaults randomFaults;

	// one append per request, where a copy-on-write list would copy every earlier one
	private final Queue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();

	private volatile Duration delay = Duration.ZERO;

	FakePusherHandler(PusherHttpApi api) {
		this.api = api;
	}

	PusherApiSimulator simulator() {
		return this.api.simulator();
	}

	List<ReceivedRequest> requests() {
		return List.copyOf(this.requests);
	}

	void failNext(int times, int status, @Nullable String retryAfter) {
		for (int i = 0; i < times; i++) {
			this.plannedFaults.add(new InjectedFault(Fault.ERROR_STATUS, status, retryAfter, Duration.ZERO));
		}
	}

	void dropNextConnection() {
		this.plannedFaults
			.add(new InjectedFault(Fault.DROPPED_CONNECTION, ReceivedRequest.DROPPED, null, Duration.ZERO));
	}

	void closeNextConnectionAfterAccepting() {
		this.plannedFaults
			.add(new InjectedFault(Fault.CLOSED_AFTER_ACCEPTING, ReceivedRequest.DROPPED, null, Duration.ZERO));
	}

	void answerNextLate(Duration delay) {
		this.plannedFaults.add(new InjectedFault(Fault.SLOW_ANSWER, 0, null, delay));
	}

	void injectRandomFaults(@Nullable RandomFaults faults) {
		this.randomFaults = faults;
	}

	void delay(Duration delay) {
		this.delay = delay;
	}

	/**
	 * Forget requests, planned and random faults, the delay, stubbed channels and the
	 * payload limit.
	 */
	void reset() {
		this.plannedFaults.clear();
		this.randomFaults = null;
		this.delay = Duration.ZERO;
		simulator().reset();
		simulator().maxPayloadBytes(PusherApiSimulator.DEFAULT_MAX_PAYLOAD_BYTES);
		this.requests.clear();
	}

	/**
	 * Answer one request.
	 * @param method the HTTP method
	 * @param url the path and query as received, still URL-encoded
	 * @param body the raw body, possibly empty
	 * @return the answer, after the server's delay and any injected one
	 */
	Reply handle(String method, String url, byte[] body) {
		HttpApiRequest request = HttpApiRequest.decode(method, url, body);
		InjectedFault fault = nextFault();
		Reply reply;
		if (fault != null && fault.kind() == Fault.ERROR_STATUS) {
			reply = new Reply(fault.status(), Answer.PLAIN_TEXT, injectedMessage(fault.status()), Outcome.ANSWER,
					fault.retryAfter(), Duration.ZERO);
		}
		else if (fault != null && fault.kind() == Fault.DROPPED_CONNECTION) {
			reply = Reply.RESET;
		}
		else {
			Answer answer = this.api.answer(request);
			reply = new Reply(answer.status(), answer.contentType(), answer.body(), Outcome.ANSWER, null,
					Duration.ZERO);
			if (fault != null && fault.kind() == Fault.CLOSED_AFTER_ACCEPTING) {
				reply = reply.closedInstead();
			}
			else if (fault != null && fault.kind() == Fault.SLOW_ANSWER) {
				reply = reply.after(fault.delay());
			}
		}
		Duration delay = this.delay;
		if (!delay.isZero()) {
			reply = reply.after(reply.delay().plus(delay));
		}
		int status = (reply.outcome() == Outcome.ANSWER) ? reply.status() : ReceivedRequest.DROPPED;
		String text = request.text();
		this.requests.add(new ReceivedRequest(method, request.path(), request.query(), text, status,
				(fault != null) ? fault.kind() : null));
		if (logger.isDebugEnabled()) {
			logger.debug("Answered " + ((status != ReceivedRequest.DROPPED) ? status : "by closing the connection")
					+ ((fault != null) ? " (injected " + fault.kind() + ")" : "") + " to " + method + " "
					+ request.path() + (text.isEmpty() ? "" : " " + text));
		}
		return reply;
	}

	private @Nullable InjectedFault nextFault() {
		InjectedFault planned = this.plannedFaults.poll();
		if (planned != null) {
			return planned;
		}
		RandomFaults random = this.randomFaults;
		return (random != null) ? random.next() : null;
	}

	private static String injectedMessage(int status) {
		String reason = switch (status) {
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 413 -> "Payload Too Large";
			case 429 -> "Too Many Requests";
			case 500 -> "Internal Server Error";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> "Error";
		};
		return reason + " (injected by FakePusherServer)";
	}

	/**
	 * What to do with a connection once its request is handled.
	 */
	enum Outcome {

		/** Answer. */
		ANSWER,

		/** Reset the connection without answering. */
		RESET,

		/** Close the connection without answering. */
		CLOSE

	}

	/**
	 * An answer.
	 *
	 * @param status the status code
	 * @param contentType the content type of the body
	 * @param body the body
	 * @param outcome whether to answer or to drop the connection instead
	 * @param retryAfter the {@code Retry-After} header, or {@code null}
	 * @param delay how long to wait before answering or closing: the server's delay plus
	 * any injected one
	 */
	record Reply(int status, String contentType, String body, Outcome outcome, @Nullable String retryAfter,
			Duration delay) {

		static final Reply RESET = new Reply(ReceivedRequest.DROPPED, Answer.PLAIN_TEXT, "", Outcome.RESET, null,
				Duration.ZERO);

		Reply closedInstead() {
			return new Reply(this.status, this.contentType, this.body, Outcome.CLOSE, null, this.delay);
		}

		Reply after(Duration delay) {
			return new Reply(this.status, this.contentType, this.body, this.outcome, this.retryAfter, delay);
		}

	}

}
