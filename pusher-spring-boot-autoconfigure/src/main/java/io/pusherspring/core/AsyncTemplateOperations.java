package io.pusherspring.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The operations of {@link PusherOperations}, each as one asynchronous call: the same
 * validation, preparation, chunking, retries, listeners and observation as the blocking
 * ones, on the non-blocking side of the transport. {@link PusherTemplate#triggerAsync}
 * and every {@link ReactivePusherTemplate} operation go through here. Validation failures
 * are thrown on the calling thread; cancelling a returned future cancels the call's
 * requests in flight, which aborts their exchanges.
 */
final class AsyncTemplateOperations {

	private final MessagePreparer preparer;

	private final ChunkedDelivery delivery;

	private final TemplateCalls calls;

	AsyncTemplateOperations(MessagePreparer preparer, ChunkedDelivery delivery, TemplateCalls calls) {
		this.preparer = preparer;
		this.delivery = delivery;
		this.calls = calls;
	}

	CompletableFuture<TriggerResult> trigger(PusherMessage message, @Nullable Object parent) {
		Assert.notNull(message, "'message' must not be null");
		return this.calls.runAsync(TemplateOperation.publishing(TemplateOperation.TRIGGER, message), parent,
				() -> this.delivery.triggerAsync(this.preparer.prepare(message)));
	}

	CompletableFuture<BatchResult> triggerBatch(List<PusherMessage> messages, @Nullable Object parent) {
		Assert.notNull(messages, "'messages' must not be null");
		return this.calls.runAsync(TemplateOperation.batch(messages), parent,
				() -> this.delivery.triggerBatchAsync(this.preparer.prepareBatch(messages)));
	}

	CompletableFuture<TriggerResult> sendToUser(String userId, String event, Object data, @Nullable Object parent) {
		PusherMessage message = PusherMessage.of(ChannelNames.SERVER_TO_USER_PREFIX + userId, event, data);
		return this.calls.runAsync(TemplateOperation.publishing(TemplateOperation.SEND_TO_USER, message), parent,
				() -> Futures.map(this.delivery.triggerAsync(this.preparer.prepareForUser(userId, event, data)),
						(result) -> TriggerResult.empty()));
	}

	CompletableFuture<ChannelInfo> channel(String channel, String[] info, @Nullable Object parent) {
		return this.calls.runAsync(TemplateOperation.query(TemplateOperation.CHANNEL, channel), parent, () -> {
			PusherRequest request = QueryRequests.channel(channel, info);
			return Futures.map(this.delivery.sendAsync(request),
					(response) -> ProtocolJson.channelInfo(channel, request, response));
		});
	}

	CompletableFuture<Map<String, ChannelInfo>> channels(@Nullable String prefixFilter, String[] info,
			@Nullable Object parent) {
		return this.calls.runAsync(TemplateOperation.query(TemplateOperation.CHANNELS, null), parent, () -> {
			PusherRequest request = QueryRequests.channels(prefixFilter, info);
			return Futures.map(this.delivery.sendAsync(request),
					(response) -> ProtocolJson.channelList(request, response));
		});
	}

	CompletableFuture<List<String>> users(String presenceChannel, @Nullable Object parent) {
		return this.calls.runAsync(TemplateOperation.query(TemplateOperation.USERS, presenceChannel), parent, () -> {
			PusherRequest request = QueryRequests.users(presenceChannel);
			return Futures.map(this.delivery.sendAsync(request), (response) -> ProtocolJson.userIds(request, response));
		});
	}

	CompletableFuture<@Nullable Void> terminateUserConnections(String userId, @Nullable Object parent) {
		return this.calls.runAsync(TemplateOperation.query(TemplateOperation.TERMINATE_USER_CONNECTIONS, null), parent,
				() -> Futures.map(this.delivery.sendAsync(QueryRequests.terminateConnections(userId)),
						(response) -> null));
	}

}
