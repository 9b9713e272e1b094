package io.pusherspring.auth;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The applications of both stacks for one test class, started on first use with the same
 * properties, closed by {@link #close()}.
 */
final class RunningStacks implements AutoCloseable {

	private final String[] properties;

	private final Map<WebStack, ConfigurableApplicationContext> contexts = new EnumMap<>(WebStack.class);

	private final Map<WebStack, AuthHttp> clients = new EnumMap<>(WebStack.class);

	RunningStacks(String... properties) {
		this.properties = properties;
	}

	synchronized ConfigurableApplicationContext context(WebStack stack) {
		return this.contexts.computeIfAbsent(stack, (key) -> key.start(this.properties));
	}

	synchronized AuthHttp http(WebStack stack) {
		return this.clients.computeIfAbsent(stack, (key) -> new AuthHttp(WebStack.port(context(key))));
	}

	<T> T bean(WebStack stack, Class<T> type) {
		return context(stack).getBean(type);
	}

	@Override
	public synchronized void close() {
		this.contexts.values().forEach(ConfigurableApplicationContext::close);
		this.contexts.clear();
		this.clients.clear();
	}

}
