package io.pusherspring.core;

import java.util.List;

/**
 * What Pusher answered to a batch: one {@link TriggerResult} per event sent, in order. A
 * message naming several channels is sent as one batch event per channel, so it
 * contributes one result per channel.
 *
 * @param results the per-event results
 */
public record BatchResult(List<TriggerResult> results) {

	/**
	 * Create a result, keeping an unmodifiable copy of the results.
	 * @param results the per-event results
	 */
	public BatchResult {
		results = List.copyOf(results);
	}

	/**
	 * The number of events sent.
	 * @return the event count
	 */
	public int size() {
		return this.results.size();
	}

}
