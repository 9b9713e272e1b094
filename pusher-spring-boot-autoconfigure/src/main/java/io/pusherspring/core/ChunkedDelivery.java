package io.pusherspring.core;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

import org.jspecify.annotations.Nullable;

import io.pusherspring.core.ProtocolJson.BatchEvent;
import io.pusherspring.core.ProtocolJson.PreparedEvent;

/**
 * Sends prepared events as the calls Pusher accepts: a trigger to more channels than
 * {@link PusherLimits#MAX_CHANNELS_PER_TRIGGER} as several triggers, a batch of more
 * events than {@link PusherLimits#MAX_EVENTS_PER_BATCH} as several batches, each request
 * retried on its own. A call that fails after an earlier request of it succeeded, or
 * whose answer cannot be read although Pusher accepted it, fails with a
 * {@link PusherException} that says the event may have been delivered. Cancelling the
 * future of an asynchronous call cancels its requests in flight, and sends no more.
 */
final class ChunkedDelivery {

	private final RetryingTransport blocking;

	private final AsyncRetryingTransport nonBlocking;

	ChunkedDelivery(RetryingTransport blocking, AsyncRetryingTransport nonBlocking) {
		this.blocking = blocking;
		this.nonBlocking = nonBlocking;
	}

	/**
	 * Trigger an event, one request after the other.
	 */
	TriggerResult trigger(PreparedEvent event) {
		TriggerResult result = TriggerResult.empty();
		for (TriggerResult chunk : sendInOrder(triggerRequests(event), ProtocolJson::triggerResult,
				(sent) -> "the event had already been delivered to the first "
						+ sent * PusherLimits.MAX_CHANNELS_PER_TRIGGER + " of " + event.channels().size()
						+ " channels")) {
			result = result.merge(chunk);
		}
		return result;
	}

	/**
	 * Trigger an event, all requests at once.
	 */
	CompletableFuture<TriggerResult> triggerAsync(PreparedEvent event) {
		List<PusherRequest> requests = triggerRequests(event);
		if (requests.size() == 1) {
			PusherRequest request = requests.get(0);
			return Futures.map(this.nonBlocking.exchangeAsync(request),
					(response) -> read(request, response, ProtocolJson::triggerResult));
		}
		return sendConcurrently(requests, event.channels().size());
	}

	/**
	 * Send the entries of a batch, one request after the other.
	 */
	BatchResult triggerBatch(List<BatchEvent> events) {
		List<List<BatchEvent>> chunks = chunks(events, PusherLimits.MAX_EVENTS_PER_BATCH);
		Iterator<List<BatchEvent>> sentChunks = chunks.iterator();
		return batchResult(events,
				sendInOrder(batchRequests(chunks),
						(request, response) -> ProtocolJson.batchResults(request, response, sentChunks.next()),
						(sent) -> batchDeliveredBefore(sent, events)));
	}

	/**
	 * Send the entries of a batch, one request after the other, without blocking.
	 */
	CompletableFuture<BatchResult> triggerBatchAsync(List<BatchEvent> events) {
		List<List<BatchEvent>> chunks = chunks(events, PusherLimits.MAX_EVENTS_PER_BATCH);
		List<PusherRequest> requests = batchRequests(chunks);
		InOrder<List<TriggerResult>> sending = new InOrder<>(requests,
				(index, response) -> ProtocolJson.batchResults(requests.get(index), response, chunks.get(index)),
				(sent) -> batchDeliveredBefore(sent, events));
		sending.next();
		return Futures.map(sending, (chunkResults) -> batchResult(events, chunkResults));
	}

	/**
	 * Send a query or command, which is one request.
	 */
	PusherResponse send(PusherRequest request) {
		return this.blocking.exchange(request);
	}

	/**
	 * Send a query or command without blocking.
	 */
	CompletableFuture<PusherResponse> sendAsync(PusherRequest request) {
		return this.nonBlocking.exchangeAsync(request);
	}

	private static List<PusherRequest> batchRequests(List<List<BatchEvent>> chunks) {
		List<PusherRequest> requests = new ArrayList<>(chunks.size());
		for (List<BatchEvent> chunk : chunks) {
			requests.add(PusherRequest.post(ApiPaths.BATCH_EVENTS, ProtocolJson.batchBody(chunk)));
		}
		return requests;
	}

	private static String batchDeliveredBefore(int sent, List<BatchEvent> events) {
		return "the first " + sent * PusherLimits.MAX_EVENTS_PER_BATCH + " of " + events.size()
				+ " events had already been accepted";
	}

	private static BatchResult batchResult(List<BatchEvent> events, List<List<TriggerResult>> chunkResults) {
		List<TriggerResult> results = new ArrayList<>(events.size());
		chunkResults.forEach(results::addAll);
		return new BatchResult(results);
	}

	private static List<PusherRequest> triggerRequests(PreparedEvent event) {
		List<PusherRequest> requests = new ArrayList<>();
		for (List<String> chunk : chunks(event.channels(), PusherLimits.MAX_CHANNELS_PER_TRIGGER)) {
			requests.add(PusherRequest.post(ApiPaths.EVENTS, ProtocolJson.triggerBody(chunk, event)));
		}
		return requests;
	}

	/**
	 * Send requests one after the other, stopping at the first failure; a failure after
	 * an earlier request succeeded means part of the call was delivered.
	 */
	private <R> List<R> sendInOrder(List<PusherRequest> requests, BiFunction<PusherRequest, PusherResponse, R> reader,
			IntFunction<String> deliveredBefore) {
		List<R> results = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			PusherRequest request = requests.get(i);
			PusherResponse response;
			try {
				response = this.blocking.exchange(request);
			}
			catch (PusherException ex) {
				if (i > 0) {
					ex.markPossiblyDelivered(deliveredBefore.apply(i));
				}
				throw ex;
			}
			results.add(read(request, response, reader));
		}
		return results;
	}

	/**
	 * Send requests at once; the call fails with the first failure, the others
	 * suppressed, once every request has completed.
	 */
	private CompletableFuture<TriggerResult> sendConcurrently(List<PusherRequest> requests, int channelCount) {
		List<CompletableFuture<TriggerResult>> calls = new ArrayList<>(requests.size());
		for (PusherRequest request : requests) {
			calls.add(Futures.map(this.nonBlocking.exchangeAsync(request),
					(response) -> read(request, response, ProtocolJson::triggerResult)));
		}
		CompletableFuture<?>[] all = calls.toArray(CompletableFuture[]::new);
		Futures.Linked<TriggerResult> result = new Futures.Linked<>(all);
		CompletableFuture.allOf(all).handle((ignored, failed) -> {
			TriggerResult merged = TriggerResult.empty();
			Throwable failure = null;
			int delivered = 0;
			for (int i = 0; i < calls.size(); i++) {
				try {
					merged = merged.merge(calls.get(i).join());
					delivered += Math.min(PusherLimits.MAX_CHANNELS_PER_TRIGGER,
							channelCount - i * PusherLimits.MAX_CHANNELS_PER_TRIGGER);
				}
				catch (CompletionException | CancellationException ex) {
					Throwable cause = Futures.unwrap(ex);
					if (failure == null) {
						failure = cause;
					}
					else if (cause != failure) {
						failure.addSuppressed(cause);
					}
				}
			}
			if (failure == null) {
				return result.complete(merged);
			}
			if (delivered > 0 && failure instanceof PusherException ex) {
				ex.markPossiblyDelivered("the event was delivered to " + delivered + " of " + channelCount
						+ " channels by the other requests of this trigger");
			}
			return result.completeExceptionally(failure);
		});
		return result;
	}

	/**
	 * Requests sent one after the other without blocking, stopping at the first failure,
	 * as {@link #sendInOrder} sends them; cancelling it cancels the request in flight.
	 */
	private final class InOrder<R> extends CompletableFuture<List<R>> {

		private final List<PusherRequest> requests;

		private final BiFunction<Integer, PusherResponse, R> reader;

		private final IntFunction<String> deliveredBefore;

		private final List<R> results;

		private volatile @Nullable CompletableFuture<PusherResponse> inFlight;

		InOrder(List<PusherRequest> requests, BiFunction<Integer, PusherResponse, R> reader,
				IntFunction<String> deliveredBefore) {
			this.requests = requests;
			this.reader = reader;
			this.deliveredBefore = deliveredBefore;
			this.results = new ArrayList<>(requests.size());
		}

		void next() {
			int index = this.results.size();
			if (index == this.requests.size()) {
				complete(this.results);
				return;
			}
			PusherRequest request = this.requests.get(index);
			CompletableFuture<PusherResponse> call = ChunkedDelivery.this.nonBlocking.exchangeAsync(request);
			this.inFlight = call;
			if (isCancelled()) {
				call.cancel(true);
			}
			call.whenComplete((response, failed) -> {
				if (isDone()) {
					return;
				}
				Throwable failure = Futures.unwrap(failed);
				if (failure == null) {
					try {
						this.results.add(read(request, response, (sent, answer) -> this.reader.apply(index, answer)));
					}
					catch (RuntimeException ex) {
						failure = ex;
					}
				}
				else if (index > 0 && failure instanceof PusherException ex) {
					ex.markPossiblyDelivered(this.deliveredBefore.apply(index));
				}
				if (failure != null) {
					completeExceptionally(failure);
					return;
				}
				next();
			});
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			CompletableFuture<PusherResponse> call = this.inFlight;
			if (cancelled && call != null) {
				call.cancel(mayInterruptIfRunning);
			}
			return cancelled;
		}

	}

	/**
	 * Read a successful answer; an answer that cannot be read still means Pusher accepted
	 * the request.
	 */
	private static <R> R read(PusherRequest request, PusherResponse response,
			BiFunction<PusherRequest, PusherResponse, R> reader) {
		try {
			return reader.apply(request, response);
		}
		catch (PusherException ex) {
			ex.markPossiblyDelivered("Pusher answered HTTP " + response.statusCode() + ", so it accepted the request");
			throw ex;
		}
	}

	private static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
		for (int start = 0; start < items.size(); start += size) {
			chunks.add(items.subList(start, Math.min(start + size, items.size())));
		}
		return chunks;
	}

}
