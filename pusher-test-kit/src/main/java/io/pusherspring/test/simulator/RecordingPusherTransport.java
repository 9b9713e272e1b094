package io.pusherspring.test.simulator;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.pusherspring.core.PusherRequest;
import io.pusherspring.core.PusherResponse;
import io.pusherspring.core.PusherTransport;
import io.pusherspring.test.RecordedEvent;
import io.pusherspring.test.simulator.PusherApiSimulator.Answer;

/**
 * A {@link PusherTransport} that answers in memory as Pusher would, through a
 * {@link PusherApiSimulator}, and records accepted events. Nothing reaches the network.
 * Internal to the test kit: public only so that its packages share it.
 */
public final class RecordingPusherTransport implements PusherTransport {

	private final PusherApiSimulator simulator;

	private final Runnable clearRecorder;

	/**
	 * Create a transport.
	 * @param recorder receives every event the simulated API accepts
	 * @param clearRecorder forgets what the recorder holds
	 */
	public RecordingPusherTransport(Consumer<RecordedEvent> recorder, Runnable clearRecorder) {
		this.simulator = new PusherApiSimulator(recorder);
		this.clearRecorder = clearRecorder;
	}

	/**
	 * Accept event data up to this size.
	 * @param maxPayloadBytes the limit in bytes
	 */
	public void maxPayloadBytes(long maxPayloadBytes) {
		this.simulator.maxPayloadBytes(maxPayloadBytes);
	}

	/**
	 * Forget recorded events and any simulated channel state.
	 */
	public void reset() {
		this.clearRecorder.run();
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
