package io.pusherspring.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A transport for unit tests: keeps every request and answers from a script, then 200
 * with an empty JSON object. A scripted failure is thrown by {@link #exchange} and
 * completes the future of {@link #exchangeAsync}.
 */
public class ScriptedTransport implements PusherTransport {

	private final List<PusherRequest> requests = new ArrayList<>();

	private final List<Long> times = new ArrayList<>();

	private final Deque<Supplier<PusherResponse>> script = new ArrayDeque<>();

	public synchronized ScriptedTransport thenAnswer(int... statuses) {
		for (int status : statuses) {
			this.script.add(() -> new PusherResponse(status, "scripted " + status));
		}
		return this;
	}

	public synchronized ScriptedTransport thenAnswer(PusherResponse response) {
		this.script.add(() -> response);
		return this;
	}

	/**
	 * Fail the next request with an exception created when it is sent.
	 */
	public synchronized ScriptedTransport thenFail(Supplier<? extends RuntimeException> failure) {
		this.script.add(() -> {
			throw failure.get();
		});
		return this;
	}

	public synchronized List<PusherRequest> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * When each request was sent, from {@link System#nanoTime()}.
	 */
	public synchronized List<Long> sendTimes() {
		return List.copyOf(this.times);
	}

	@Override
	public PusherResponse exchange(PusherRequest request) {
		Supplier<PusherResponse> next;
		synchronized (this) {
			this.requests.add(request);
			this.times.add(System.nanoTime());
			next = this.script.poll();
		}
		return (next != null) ? next.get() : new PusherResponse(200, "{}");
	}

	@Override
	public CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		try {
			return CompletableFuture.completedFuture(exchange(request));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

}
