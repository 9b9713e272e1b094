package io.pusherspring.core;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;

import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleResponseConsumer;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.apache.hc.core5.http.nio.DataStreamChannel;
import org.apache.hc.core5.http.nio.entity.AsyncEntityProducerWrapper;
import org.apache.hc.core5.http.nio.entity.BasicAsyncEntityProducer;
import org.apache.hc.core5.http.nio.support.BasicRequestProducer;
import org.apache.hc.core5.io.CloseMode;
import org.jspecify.annotations.Nullable;

import io.pusherspring.core.RequestSigner.SignedRequest;

/**
 * Asynchronous calls of {@link HttpPusherTransport}, over Apache HttpClient 5's
 * non-blocking client: a fixed set of I/O threads serves every request in flight, and
 * answers complete on them. Nothing here blocks, so a reactive caller can wrap the future
 * as it is; cancelling the future aborts the exchange. Chosen over the JDK's
 * {@code HttpClient}, whose answers started a new thread each on a one- or two-CPU
 * machine and cost several times the CPU of a blocking call in a one-off prototype
 * comparison (commit 05eee9d; that prototype is not kept in the benchmarks module).
 */
final class NonBlockingHttpExchange implements AutoCloseable {

	private final HttpHost target;

	private final CloseableHttpAsyncClient client;

	/**
	 * Create an exchange over a started client.
	 */
	NonBlockingHttpExchange(HttpHost target, CloseableHttpAsyncClient client) {
		this.target = target;
		this.client = client;
	}

	/**
	 * Send a request.
	 * @param request the request, to describe it
	 * @param signed the request to send
	 * @return the answer, successful or not; completes exceptionally with a
	 * {@link CompletionException} whose cause is a {@link PusherConnectionException} if
	 * no answer arrives
	 */
	CompletableFuture<PusherResponse> send(PusherRequest request, SignedRequest signed) {
		BasicHttpRequest head = new BasicHttpRequest(signed.method(), this.target, signed.pathAndQuery());
		TrackedProducer body = (signed.body() != null) ? new TrackedProducer(signed.body()) : null;
		ExchangeFuture result = new ExchangeFuture();
		result.exchange(this.client.execute(new BasicRequestProducer(head, body), SimpleResponseConsumer.create(),
				new FutureCallback<>() {

					@Override
					public void completed(SimpleHttpResponse response) {
						String text = response.getBodyText();
						Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
						result.complete(ExchangeResults.answered(new PusherResponse(response.getCode(),
								(text != null) ? text : "", (retryAfter != null) ? retryAfter.getValue() : null),
								signed));
					}

					@Override
					public void failed(Exception ex) {
						unanswered(ex);
					}

					@Override
					public void cancelled() {
						unanswered(new CancellationException("cancelled"));
					}

					/**
					 * Wrapped as a dependent stage would wrap it, as every asynchronous
					 * failure of a transport has been.
					 */
					private void unanswered(Exception ex) {
						result.completeExceptionally(new CompletionException(
								ExchangeResults.unanswered(request, signed, ex, body != null && body.written)));
					}

				}));
		return result;
	}

	@Override
	public void close() {
		this.client.close(CloseMode.GRACEFUL);
	}

	/**
	 * The caller's future: cancelling it aborts the exchange.
	 */
	private static final class ExchangeFuture extends CompletableFuture<PusherResponse> {

		private volatile @Nullable Future<?> exchange;

		void exchange(Future<?> exchange) {
			this.exchange = exchange;
			if (isCancelled()) {
				exchange.cancel(true);
			}
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			Future<?> exchange = this.exchange;
			if (cancelled && exchange != null) {
				exchange.cancel(true);
			}
			return cancelled;
		}

	}

	/**
	 * A JSON body that knows whether the client started writing it: it produces its
	 * content only once the connection is established and the request head is out.
	 */
	private static final class TrackedProducer extends AsyncEntityProducerWrapper {

		private volatile boolean written;

		TrackedProducer(byte[] body) {
			super(new BasicAsyncEntityProducer(body, ContentType.APPLICATION_JSON));
		}

		@Override
		public void produce(DataStreamChannel channel) throws IOException {
			this.written = true;
			super.produce(channel);
		}

	}

}
