package io.pusherspring.auth;

import reactor.core.publisher.Mono;

import io.pusherspring.auth.AuthRequestDecoding.Refusal;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The body of a Spring WebFlux request to an auth endpoint, read once, within the limit,
 * without blocking, and decoded by {@link AuthRequestDecoder}: the reactive twin of
 * {@link ServletAuthBody}. A {@code Content-Type} the endpoints do not read or a declared
 * length over the limit is refused before the body is read; a body that goes over the
 * limit is refused as soon as it does, never gathered whole. Once read, it is kept in an
 * exchange attribute, so that {@link PusherAuthRequestWebFilter} and the endpoint read it
 * once between them. A refusal that leaves the body unread closes the connection
 * ({@link #closeConnection}).
 *
 * @param bytes the body as read; empty if it was refused unread
 * @param decoding its fields, or the refusal
 */
record ExchangeAuthBody(byte[] bytes, AuthRequestDecoding decoding) {

	static final String ATTRIBUTE = ExchangeAuthBody.class.getName();

	private static final byte[] UNREAD = new byte[0];

	static Mono<ExchangeAuthBody> read(ServerWebExchange exchange) {
		ExchangeAuthBody read = exchange.getAttribute(ATTRIBUTE);
		if (read != null) {
			return Mono.just(read);
		}
		ServerHttpRequest request = exchange.getRequest();
		String contentType = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
		Refusal refusal = AuthRequestDecoder.checkContentType(contentType);
		if (refusal != null) {
			return Mono.just(new ExchangeAuthBody(UNREAD, refusal));
		}
		if (request.getHeaders().getContentLength() > AuthRequestDecoder.MAX_BODY_BYTES) {
			return Mono.just(new ExchangeAuthBody(UNREAD, AuthRequestDecoder.tooLarge()));
		}
		return DataBufferUtils.join(request.getBody(), AuthRequestDecoder.MAX_BODY_BYTES)
			.map(ExchangeAuthBody::bytesOf)
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> new ExchangeAuthBody(bytes, AuthRequestDecoder.decode(contentType, bytes)))
			.onErrorResume(DataBufferLimitException.class,
					(ex) -> Mono.just(new ExchangeAuthBody(UNREAD, AuthRequestDecoder.tooLarge())))
			.onErrorResume((ex) -> !(ex instanceof Error),
					(ex) -> Mono.just(new ExchangeAuthBody(UNREAD, new Refusal(400, "Request body could not be read"))))
			.doOnNext((body) -> exchange.getAttributes().put(ATTRIBUTE, body));
	}

	/**
	 * Whether the body was left unread, or read in part: then the connection must not
	 * carry another request (Reactor Netty would take the rest of this body, or a request
	 * pipelined after it, as the next request's start).
	 */
	boolean unread() {
		return this.bytes == UNREAD;
	}

	/**
	 * Answer with {@code Connection: close}: after a body left unread, a keep-alive
	 * connection that a client pipelines on can lose the next request in Reactor Netty;
	 * closing it costs a hostile client a reconnect, and nothing else.
	 */
	static void closeConnection(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
	}

	private static byte[] bytesOf(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
