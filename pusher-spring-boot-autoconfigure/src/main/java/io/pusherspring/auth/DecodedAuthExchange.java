package io.pusherspring.auth;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.codec.multipart.Part;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * An exchange whose auth request body {@link PusherAuthRequestWebFilter} has read and
 * decoded: its request serves the same bytes again, and its form data are the decoded
 * form's, so that nothing downstream (Spring Security's CSRF check reads the form's
 * {@code _csrf}) parses the body again, or finds it consumed. The reactive twin of
 * {@link DecodedAuthRequest}.
 */
final class DecodedAuthExchange extends ServerWebExchangeDecorator {

	private static final MultiValueMap<String, Part> NO_PARTS = CollectionUtils
		.unmodifiableMultiValueMap(new LinkedMultiValueMap<>());

	private final ServerHttpRequest request;

	private final MultiValueMap<String, String> form;

	DecodedAuthExchange(ServerWebExchange exchange, byte[] body, Map<String, List<String>> form) {
		super(exchange);
		this.request = new ReplayedRequest(exchange.getRequest(), body);
		this.form = CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(form));
	}

	@Override
	public ServerHttpRequest getRequest() {
		return this.request;
	}

	@Override
	public Mono<MultiValueMap<String, String>> getFormData() {
		return Mono.just(this.form);
	}

	@Override
	public Mono<MultiValueMap<String, Part>> getMultipartData() {
		return Mono.just(NO_PARTS);
	}

	private static final class ReplayedRequest extends ServerHttpRequestDecorator {

		private final byte[] body;

		ReplayedRequest(ServerHttpRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			return Flux.defer(() -> Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(this.body)));
		}

	}

}
