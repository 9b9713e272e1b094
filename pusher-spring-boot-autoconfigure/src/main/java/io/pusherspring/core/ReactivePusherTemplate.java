package io.pusherspring.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.util.Assert;

/**
 * The default {@link ReactivePusherOperations}: the asynchronous calls of a
 * {@link PusherTemplate}, as lazy {@link Mono}s. It shares everything with its template:
 * the transport, validation, serialization, encryption, limits, retries (waited for
 * without a thread), publish listeners and {@code pusher.template} observations, nested
 * under the observation in the subscriber's context.
 * <p>
 * Answers arrive on the HTTP client's I/O threads, and the {@code Mono}s emit there:
 * operators chained to them must not block. Starting an exchange can block briefly (the
 * first call builds the HTTP client and its TLS context, a new connection resolves the
 * host name, and the connection pool is guarded by a lock), so a call subscribed on a
 * non-blocking thread, such as a Netty event loop of WebFlux, starts on a
 * {@link Scheduler} that may block, {@link Schedulers#boundedElastic()} by default; a
 * call subscribed elsewhere starts on the subscribing thread. Cancelling a subscription
 * cancels the request in flight, which aborts its exchange, and any retry; an event may
 * still have been delivered.
 */
public class ReactivePusherTemplate implements ReactivePusherOperations {

	private final AsyncTemplateOperations operations;

	private final Scheduler scheduler;

	/**
	 * Create a reactive template over the calls of a template.
	 * @param template the template whose transport, settings, listeners and observations
	 * to share
	 */
	public ReactivePusherTemplate(PusherTemplate template) {
		this(template, Schedulers.boundedElastic());
	}

	/**
	 * Create a reactive template over the calls of a template.
	 * @param template the template whose transport, settings, listeners and observations
	 * to share
	 * @param scheduler where calls subscribed on a non-blocking thread start
	 */
	public ReactivePusherTemplate(PusherTemplate template, Scheduler scheduler) {
		Assert.notNull(template, "'template' must not be null");
		Assert.notNull(scheduler, "'scheduler' must not be null");
		this.operations = template.asyncOperations();
		this.scheduler = scheduler;
	}

	@Override
	public Mono<TriggerResult> trigger(String channel, String event, Object data) {
		return call((parent) -> this.operations
			.trigger(PusherMessage.builder().channel(channel).event(event).data(data).build(), parent));
	}

	@Override
	public Mono<TriggerResult> trigger(Collection<String> channels, String event, Object data) {
		return call((parent) -> {
			Assert.notNull(channels, "'channels' must not be null");
			return this.operations.trigger(PusherMessage.builder().channels(channels).event(event).data(data).build(),
					parent);
		});
	}

	@Override
	public Mono<TriggerResult> trigger(PusherMessage message) {
		return call((parent) -> this.operations.trigger(message, parent));
	}

	@Override
	public Mono<BatchResult> triggerBatch(List<PusherMessage> messages) {
		return call((parent) -> this.operations.triggerBatch(messages, parent));
	}

	@Override
	public Mono<Void> sendToUser(String userId, String event, Object data) {
		return call((parent) -> this.operations.sendToUser(userId, event, data, parent)).then();
	}

	@Override
	public Mono<ChannelInfo> channel(String channel, String... info) {
		return call((parent) -> this.operations.channel(channel, info, parent));
	}

	@Override
	public Mono<Map<String, ChannelInfo>> channels(@Nullable String prefixFilter, String... info) {
		return call((parent) -> this.operations.channels(prefixFilter, info, parent));
	}

	@Override
	public Mono<List<String>> users(String presenceChannel) {
		return call((parent) -> this.operations.users(presenceChannel, parent));
	}

	@Override
	public Mono<Void> terminateUserConnections(String userId) {
		return call((parent) -> this.operations.terminateUserConnections(userId, parent)).then();
	}

	/**
	 * The one path of every operation: the call starts when the {@code Mono} is
	 * subscribed, off a non-blocking thread, and anything it throws, validation failures
	 * included, becomes an error signal.
	 */
	private <T> Mono<T> call(Function<@Nullable Object, CompletableFuture<T>> call) {
		return Mono.deferContextual((context) -> {
			Object parent = context.getOrDefault(TemplateObservations.CONTEXT_KEY, null);
			Mono<T> result = Mono.fromFuture(() -> call.apply(parent));
			return Schedulers.isInNonBlockingThread() ? result.subscribeOn(this.scheduler) : result;
		});
	}

	@Override
	public String toString() {
		return "ReactivePusherTemplate";
	}

}
