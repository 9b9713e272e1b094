package io.pusherspring.auth;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;

/**
 * An {@link AuthRequest} over a Spring WebFlux exchange.
 */
final class ExchangeAuthRequest implements AuthRequest {

	private final ServerWebExchange exchange;

	private ExchangeAuthRequest(ServerWebExchange exchange) {
		this.exchange = exchange;
	}

	static AuthRequest of(ServerWebExchange exchange) {
		Assert.notNull(exchange, "'exchange' must not be null");
		return new ExchangeAuthRequest(exchange);
	}

	@Override
	public String getMethod() {
		return this.exchange.getRequest().getMethod().name();
	}

	@Override
	public String getPath() {
		return this.exchange.getRequest().getPath().pathWithinApplication().value();
	}

	@Override
	public @Nullable String getHeader(String name) {
		return this.exchange.getRequest().getHeaders().getFirst(name);
	}

	@Override
	public List<String> getHeaderValues(String name) {
		List<String> values = this.exchange.getRequest().getHeaders().get(name);
		return (values != null) ? List.copyOf(values) : List.of();
	}

	@Override
	public @Nullable String getRemoteAddress() {
		return remoteAddress(this.exchange.getRequest());
	}

	static @Nullable String remoteAddress(ServerHttpRequest request) {
		InetSocketAddress address = request.getRemoteAddress();
		if (address == null) {
			return null;
		}
		InetAddress inet = address.getAddress();
		return (inet != null) ? inet.getHostAddress() : address.getHostString();
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.exchange.getAttribute(name);
	}

	@Override
	public <T> @Nullable T getNativeRequest(Class<T> type) {
		if (type.isInstance(this.exchange)) {
			return type.cast(this.exchange);
		}
		ServerHttpRequest request = this.exchange.getRequest();
		return type.isInstance(request) ? type.cast(request) : null;
	}

	@Override
	public String toString() {
		return "ExchangeAuthRequest[" + getMethod() + " " + this.exchange.getRequest().getPath() + "]";
	}

}
