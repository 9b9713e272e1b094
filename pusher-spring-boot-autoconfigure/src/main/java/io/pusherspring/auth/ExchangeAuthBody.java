package io.pusherspring.auth;

import java.io.ByteArrayOutputStream;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.pusherspring.auth.AuthRequestDecoding.Refusal;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The body of a Spring WebFlux request to an auth endpoint, read once, within the limit,
 * without blocking, and decoded by {@link AuthRequestDecoder}: the reactive twin of
 * {@link ServletAuthBody}. A {@code Content-Type} the endpoints do not read or a body
 * over the limit is refused without being kept: what goes over the limit is read and
 * dropped as it arrives, never gathered. Once read, it is kept in an exchange attribute,
 * so that {@link PusherAuthRequestWebFilter} and the endpoint read it once between them.
 * <p>
 * A refused body is still read to its end, up to {@value #DRAIN_LIMIT} bytes, as Tomcat
 * swallows the body of a request it refuses: Reactor Netty otherwise closes the
 * connection with bytes unread, and the client may lose the answer to a reset. A body
 * longer than that is left unread, and the answer closes the connection
 * ({@link #closeConnection}).
 *
 * @param bytes the body as read; empty if it was refused
 * @param decoding its fields, or the refusal
 * @param complete whether the body was read to its end, so that the connection can carry
 * another request
 */
record ExchangeAuthBody(byte[] bytes, AuthRequestDecoding decoding, boolean complete) {

	static final String ATTRIBUTE = ExchangeAuthBody.class.getName();

	/** The most bytes read and dropped from a body that is refused. */
	static final int DRAIN_LIMIT = 64 * 1024;

	private static final byte[] NONE = new byte[0];

	static Mono<ExchangeAuthBody> read(ServerWebExchange exchange) {
		ExchangeAuthBody read = exchange.getAttribute(ATTRIBUTE);
		if (read != null) {
			return Mono.just(read);
		}
		ServerHttpRequest request = exchange.getRequest();
		String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		Refusal refusal = AuthRequestDecoder.checkContentType(contentType);
		long length = request.getHeaders().getContentLength();
		if (refusal == null && length > AuthRequestDecoder.MAX_BODY_BYTES) {
			refusal = AuthRequestDecoder.tooLarge();
		}
		Refusal before = refusal;
		return readAtMost(request, (before != null) ? 0 : AuthRequestDecoder.MAX_BODY_BYTES).map((body) -> {
			if (before != null) {
				return new ExchangeAuthBody(NONE, before, body.complete());
			}
			if (body.bytes() == null) {
				return new ExchangeAuthBody(NONE, AuthRequestDecoder.tooLarge(), body.complete());
			}
			return new ExchangeAuthBody(body.bytes(), AuthRequestDecoder.decode(contentType, body.bytes()), true);
		})
			.onErrorResume((ex) -> !(ex instanceof Error),
					(ex) -> Mono
						.just(new ExchangeAuthBody(NONE, new Refusal(400, "Request body could not be read"), false)))
			.doOnNext((body) -> exchange.getAttributes().put(ATTRIBUTE, body));
	}

	/**
	 * Read and drop the body of a request refused before its body was looked at (such as
	 * 405 for another method), so that the connection can carry another request.
	 * @param exchange the exchange
	 * @return whether the body was read to its end
	 */
	static Mono<Boolean> drain(ServerWebExchange exchange) {
		return readAtMost(exchange.getRequest(), 0).map(BodyRead::complete).onErrorReturn(false);
	}

	/**
	 * Read a body, keeping at most {@code max} bytes and dropping what comes after, up to
	 * {@link #DRAIN_LIMIT} bytes in all. A declared length over that limit is not read at
	 * all.
	 */
	private static Mono<BodyRead> readAtMost(ServerHttpRequest request, int max) {
		if (request.getHeaders().getContentLength() > DRAIN_LIMIT) {
			return Mono.just(new BodyRead(null, false));
		}
		return Mono.defer(() -> {
			ByteArrayOutputStream kept = new ByteArrayOutputStream();
			long[] total = { 0 };
			return request.getBody().<Void>handle((buffer, sink) -> {
				try {
					int count = buffer.readableByteCount();
					if (total[0] + count <= max) {
						byte[] bytes = new byte[count];
						buffer.read(bytes);
						kept.writeBytes(bytes);
					}
					total[0] += count;
					if (total[0] > DRAIN_LIMIT) {
						sink.complete();
					}
				}
				finally {
					DataBufferUtils.release(buffer);
				}
			})
				.then(Mono.fromSupplier(
						() -> new BodyRead((total[0] <= max) ? kept.toByteArray() : null, total[0] <= DRAIN_LIMIT)));
		});
	}

	/**
	 * Answer with {@code Connection: close}: after a body left unread, the connection
	 * cannot carry another request.
	 */
	static void closeConnection(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
	}

	/**
	 * What was read of a body.
	 *
	 * @param bytes the body, or {@code null} if it was longer than the bytes kept
	 * @param complete whether it was read to its end
	 */
	private record BodyRead(byte @Nullable [] bytes, boolean complete) {

	}

}
