package io.pusherspring.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A transport for unit tests: keeps every request and answers from a script, then 200
 * with an empty JSON object.
 */
public class ScriptedTransport implements PusherTransport {

	private final List<PusherRequest> requests = new ArrayList<>();

	private final Deque<Integer> statuses = new ArrayDeque<>();

	public ScriptedTransport thenAnswer(int... statuses) {
		for (int status : statuses) {
			this.statuses.add(status);
		}
		return this;
	}

	public synchronized List<PusherRequest> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public synchronized CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request) {
		this.requests.add(request);
		Integer status = this.statuses.poll();
		return CompletableFuture.completedFuture(
				(status != null) ? new PusherResponse(status, "scripted " + status) : new PusherResponse(200, "{}"));
	}

}
