package io.pusherspring.test;

import java.util.concurrent.CompletableFuture;

import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.test.PusherApiSimulator.Answer;

/**
 * A {@link PusherTransport} that answers in memory as Pusher would, through a
 * {@link PusherApiSimulator}, and records accepted events. Nothing reaches the network.
 */
final class RecordingPusherTransport implements PusherTransport {

	private final PusherApiSimulator simulator;

	RecordingPusherTransport(PusherRecorder recorder) {
		this.simulator = new PusherApiSimulator(recorder);
	}

	void maxPayloadBytes(long maxPayloadBytes) {
		this.simulator.maxPayloadBytes(maxPayloadBytes);
	}

	/**
	 * Forget recorded events and any simulated channel state.
	 */
	void reset() {
		this.simulator.reset();
	}

	@Override
	public PusherResponse exchange(PusherRequest request) {
		Answer answer = this.simulator.handle(request.method(), request.path(), request.query(), request.body());
		return new PusherResponse(answer.status(), answer.body());
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

	@Override
	public String toString() {
		return "RecordingPusherTransport";
	}

}
