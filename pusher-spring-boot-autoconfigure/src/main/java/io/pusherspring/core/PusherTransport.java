package io.pusherspring.core;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The only code that talks HTTP to Pusher: it signs a {@link PusherRequest}, sends it and
 * returns the answer whatever its status. Validation, serialization, splitting and
 * retries happen in {@link PusherTemplate} before a request reaches the transport, so a
 * test can replace the transport and keep all of that real.
 *
 * @see HttpPusherTransport
 */
public interface PusherTransport {

	/**
	 * Send a request and wait for the answer.
	 * @param request the request
	 * @return the answer, successful or not
	 * @throws PusherConnectionException if no answer arrived
	 */
	default PusherResponse exchange(PusherRequest request) {
		try {
			return exchangeAsync(request).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * Send a request without blocking the caller.
	 * @param request the request
	 * @return the answer, successful or not; completes exceptionally with a
	 * {@link PusherConnectionException} if no answer arrived
	 */
	CompletableFuture<PusherResponse> exchangeAsync(PusherRequest request);

}
