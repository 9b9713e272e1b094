package io.pusherspring.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pusherspring.test.PusherApiSimulator.Answer;
import io.pusherspring.test.RandomFaults.InjectedFault;
import io.pusherspring.test.ReceivedRequest.Fault;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * What {@link FakePusherServer} and {@link LocalPusherServer} do with one HTTP API
 * request, independent of the HTTP server: injected faults first (planned ones, then
 * random ones), then the app id, authentication as Pusher checks it, and the
 * {@link PusherApiSimulator}. Faults stay here, out of the simulator: an error status or
 * a dropped connection replaces the simulator's answer, a close after accepting or a slow
 * answer follows it. Every request is kept with its answer, and logged at debug level
 * without its query. Safe to call from several threads at once.
 */
final class FakePusherHandler {

	private static final Pattern APP_PATH = Pattern.compile("/apps/([^/]+)(/.*)?");

	private static final String PLAIN_TEXT = "text/plain; charset=utf-8";

	private static final String JSON = "application/json; charset=utf-8";

	private final Log logger;

	private final String appId;

	private final SignatureVerifier verifier;

	private final PusherApiSimulator simulator;

	private final Queue<InjectedFault> plannedFaults = new ConcurrentLinkedQueue<>();

	private volatile @Nullable RandomFaults randomFaults;

	// one append per request, where a copy-on-write list would copy every earlier one
	private final Queue<ReceivedRequest> requests = new ConcurrentLinkedQueue<>();

	private volatile Duration delay = Duration.ZERO;

	FakePusherHandler(String appId, String key, String secret, PusherRecorder recorder, Clock clock) {
		this(appId, key, secret, new PusherApiSimulator(recorder, clock), clock,
				LogFactory.getLog(FakePusherServer.class));
	}

	FakePusherHandler(String appId, String key, String secret, PusherApiSimulator simulator, Clock clock, Log logger) {
		this.logger = logger;
		this.appId = appId;
		this.verifier = new SignatureVerifier(key, secret, clock);
		this.simulator = simulator;
	}

	PusherApiSimulator simulator() {
		return this.simulator;
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
	 * Forget requests, planned and random faults, the delay, stubbed channels, recorded
	 * events and the payload limit.
	 */
	void reset() {
		this.plannedFaults.clear();
		this.randomFaults = null;
		this.delay = Duration.ZERO;
		this.simulator.reset();
		this.simulator.maxPayloadBytes(PusherApiSimulator.DEFAULT_MAX_PAYLOAD_BYTES);
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
		int queryStart = url.indexOf('?');
		String rawPath = (queryStart != -1) ? url.substring(0, queryStart) : url;
		String text = new String(body, StandardCharsets.UTF_8);
		InjectedFault fault = nextFault();
		String path;
		Query query;
		Reply reply = null;
		try {
			path = decodePath(rawPath);
			query = Query.parse((queryStart != -1) ? url.substring(queryStart + 1) : "");
		}
		catch (IllegalArgumentException ex) {
			path = rawPath;
			query = new Query(Map.of(), null);
			reply = Reply.text(400, "Malformed URL encoding");
		}
		if (fault != null && fault.kind() == Fault.ERROR_STATUS) {
			reply = new Reply(fault.status(), PLAIN_TEXT, injectedMessage(fault.status()), Outcome.ANSWER,
					fault.retryAfter(), Duration.ZERO);
		}
		else if (fault != null && fault.kind() == Fault.DROPPED_CONNECTION) {
			reply = Reply.RESET;
		}
		else {
			if (reply == null) {
				reply = answer(method, path, query, body, text);
			}
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
		this.requests.add(new ReceivedRequest(method, path, query.parameters(), text, status,
				(fault != null) ? fault.kind() : null));
		if (this.logger.isDebugEnabled()) {
			this.logger.debug("Answered " + ((status != ReceivedRequest.DROPPED) ? status : "by closing the connection")
					+ ((fault != null) ? " (injected " + fault.kind() + ")" : "") + " to " + method + " " + path
					+ (text.isEmpty() ? "" : " " + text));
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

	private Reply answer(String method, String path, Query query, byte[] body, String text) {
		Matcher app = APP_PATH.matcher(path);
		if (!app.matches()) {
			return Reply.text(404, "Not found: " + path);
		}
		if (!this.appId.equals(app.group(1))) {
			return Reply.text(404, "Unknown app id: " + app.group(1));
		}
		if (query.duplicate() != null) {
			return Reply.text(401, "Duplicate query parameter: " + query.duplicate());
		}
		String rejection = this.verifier.rejection(method, path, query.parameters(), body);
		if (rejection != null) {
			return Reply.text(401, rejection);
		}
		String below = (app.group(2) != null) ? app.group(2) : "";
		try {
			Answer answer = this.simulator.handle(method, below, query.parameters(), (body.length > 0) ? text : null);
			return new Reply(answer.status(), (answer.status() == 200) ? JSON : PLAIN_TEXT, answer.body(),
					Outcome.ANSWER, null, Duration.ZERO);
		}
		catch (RuntimeException ex) {
			return Reply.text(500,
					"The server could not handle " + method + " " + below + ": " + ex.getClass().getSimpleName());
		}
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

	private static String decodePath(String path) {
		// '+' means a plus sign in a path, not a space
		return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
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

		static final Reply RESET = new Reply(ReceivedRequest.DROPPED, PLAIN_TEXT, "", Outcome.RESET, null,
				Duration.ZERO);

		/**
		 * A plain text answer.
		 */
		static Reply text(int status, String message) {
			return new Reply(status, PLAIN_TEXT, message, Outcome.ANSWER, null, Duration.ZERO);
		}

		Reply closedInstead() {
			return new Reply(this.status, this.contentType, this.body, Outcome.CLOSE, null, this.delay);
		}

		Reply after(Duration delay) {
			return new Reply(this.status, this.contentType, this.body, this.outcome, this.retryAfter, delay);
		}

	}

	/**
	 * Decoded query parameters, and the first name that appeared twice.
	 */
	private record Query(Map<String, String> parameters, @Nullable String duplicate) {

		static Query parse(String rawQuery) {
			Map<String, String> parameters = new LinkedHashMap<>();
			String duplicate = null;
			for (String pair : rawQuery.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode((equals != -1) ? pair.substring(0, equals) : pair,
						StandardCharsets.UTF_8);
				String value = (equals != -1) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)
						: "";
				if (parameters.putIfAbsent(name, value) != null && duplicate == null) {
					duplicate = name;
				}
			}
			return new Query(parameters, duplicate);
		}

	}

}
