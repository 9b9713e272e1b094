package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.util.unit.DataSize;

/**
 * The default {@link PusherOperations}: checks every call against Pusher's rules,
 * serializes event data with the application's Jackson {@link JsonMapper}, splits channel
 * lists and batches into calls Pusher accepts, retries transient failures, and hands each
 * call to a {@link PusherTransport}.
 * <p>
 * Retries follow a Spring {@link RetryPolicy} and report to a {@link RetryListener}:
 * blocking calls go through Spring's {@code RetryTemplate}, asynchronous ones through a
 * non-blocking sibling that tells the listener the same. A {@code Retry-After} answer is
 * waited for up to the policy's longest back-off and fails the call at once beyond it. A
 * failed call throws (or completes its future with) a {@link PusherException} that
 * describes the last attempt, carries the earlier attempts' failures as suppressed
 * exceptions, and says whether the event may have been delivered all the same
 * ({@link PusherException#isPossiblyDelivered()}). {@link PusherPublishListener}s hear
 * the outcome of every published message. With an {@link ObservationRegistry}, every call
 * is a Micrometer observation ({@link PusherObservation}); the template needs Micrometer
 * only then.
 */
public class PusherTemplate implements PusherOperations {

	/**
	 * The most channels one trigger may name.
	 * @deprecated use {@link PusherLimits#MAX_CHANNELS_PER_TRIGGER}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final int MAX_CHANNELS_PER_TRIGGER = PusherLimits.MAX_CHANNELS_PER_TRIGGER;

	/**
	 * The most events one batch call may carry.
	 * @deprecated use {@link PusherLimits#MAX_EVENTS_PER_BATCH}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final int MAX_EVENTS_PER_BATCH = PusherLimits.MAX_EVENTS_PER_BATCH;

	/**
	 * The longest event name Pusher accepts.
	 * @deprecated use {@link PusherLimits#MAX_EVENT_NAME_LENGTH}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final int MAX_EVENT_NAME_LENGTH = PusherLimits.MAX_EVENT_NAME_LENGTH;

	/**
	 * The largest event data Pusher accepts by default.
	 * @deprecated use {@link PusherLimits#MAX_PAYLOAD_SIZE}
	 */
	@Deprecated(since = "0.1.0", forRemoval = true)
	public static final DataSize DEFAULT_MAX_PAYLOAD_SIZE = PusherLimits.MAX_PAYLOAD_SIZE;

	private final MessagePreparer preparer;

	private final ChunkedDelivery delivery;

	private final TemplateCalls calls;

	private final AsyncTemplateOperations async;

	/**
	 * Create a template with default settings: Jackson's shared mapper, Pusher's payload
	 * limit, no encryption, and the retries of {@link PusherRetryDefaults}.
	 * @param transport the transport that sends requests
	 */
	public PusherTemplate(PusherTransport transport) {
		this(builder(transport));
	}

	private PusherTemplate(Builder builder) {
		Duration maxRetryAfter = (builder.maxRetryAfter != null) ? builder.maxRetryAfter
				: longestWait(builder.retryPolicy.getBackOff());
		this.preparer = new MessagePreparer(builder.jsonMapper, builder.maxPayloadSize.toBytes(), builder.encryption);
		this.delivery = new ChunkedDelivery(
				new RetryingTransport(builder.transport, builder.retryPolicy, builder.retryListener, maxRetryAfter),
				new AsyncRetryingTransport(builder.transport, builder.retryPolicy, builder.retryListener,
						maxRetryAfter));
		this.calls = new TemplateCalls(new PublishListeners(builder.publishListeners),
				(builder.observationRegistry != null)
						? new TemplateObservations(builder.observationRegistry, builder.observationConvention) : null);
		this.async = new AsyncTemplateOperations(this.preparer, this.delivery, this.calls);
	}

	/**
	 * Start configuring a template.
	 * @param transport the transport that sends requests
	 * @return a builder
	 */
	public static Builder builder(PusherTransport transport) {
		return new Builder(transport);
	}

	/**
	 * The longest wait a back-off allows between attempts, which also limits how long a
	 * {@code Retry-After} may ask to wait.
	 */
	private static Duration longestWait(BackOff backOff) {
		if (backOff instanceof ExponentialBackOff exponential) {
			return Duration.ofMillis(exponential.getMaxInterval());
		}
		if (backOff instanceof FixedBackOff fixed) {
			return Duration.ofMillis(fixed.getInterval());
		}
		return PusherRetryDefaults.MAX_DELAY;
	}

	@Override
	public TriggerResult trigger(String channel, String event, Object data) {
		return trigger(PusherMessage.builder().channel(channel).event(event).data(data).build());
	}

	@Override
	public TriggerResult trigger(Collection<String> channels, String event, Object data) {
		Assert.notNull(channels, "'channels' must not be null");
		return trigger(PusherMessage.builder().channels(channels).event(event).data(data).build());
	}

	@Override
	public TriggerResult trigger(PusherMessage message) {
		Assert.notNull(message, "'message' must not be null");
		return run(TemplateOperation.publishing(TemplateOperation.TRIGGER, message),
				() -> this.delivery.trigger(this.preparer.prepare(message)));
	}

	@Override
	public CompletableFuture<TriggerResult> triggerAsync(PusherMessage message) {
		return this.async.trigger(message, null);
	}

	@Override
	public BatchResult triggerBatch(List<PusherMessage> messages) {
		Assert.notNull(messages, "'messages' must not be null");
		return run(TemplateOperation.batch(messages),
				() -> this.delivery.triggerBatch(this.preparer.prepareBatch(messages)));
	}

	@Override
	public void sendToUser(String userId, String event, Object data) {
		PusherMessage message = PusherMessage.of(ChannelNames.SERVER_TO_USER_PREFIX + userId, event, data);
		run(TemplateOperation.publishing(TemplateOperation.SEND_TO_USER, message), () -> {
			this.delivery.trigger(this.preparer.prepareForUser(userId, event, data));
			return TriggerResult.empty();
		});
	}

	@Override
	public ChannelInfo channel(String channel, String... info) {
		return run(TemplateOperation.query(TemplateOperation.CHANNEL, channel), () -> {
			PusherRequest request = QueryRequests.channel(channel, info);
			return ProtocolJson.channelInfo(channel, request, this.delivery.send(request));
		});
	}

	@Override
	public Map<String, ChannelInfo> channels(@Nullable String prefixFilter, String... info) {
		return run(TemplateOperation.query(TemplateOperation.CHANNELS, null), () -> {
			PusherRequest request = QueryRequests.channels(prefixFilter, info);
			return ProtocolJson.channelList(request, this.delivery.send(request));
		});
	}

	@Override
	public List<String> users(String presenceChannel) {
		return run(TemplateOperation.query(TemplateOperation.USERS, presenceChannel), () -> {
			PusherRequest request = QueryRequests.users(presenceChannel);
			return ProtocolJson.userIds(request, this.delivery.send(request));
		});
	}

	@Override
	public void terminateUserConnections(String userId) {
		run(TemplateOperation.query(TemplateOperation.TERMINATE_USER_CONNECTIONS, null),
				() -> this.delivery.send(QueryRequests.terminateConnections(userId)));
	}

	private <T> T run(TemplateOperation operation, Supplier<T> call) {
		return this.calls.run(operation, call);
	}

	/**
	 * The asynchronous operations, which {@link ReactivePusherTemplate} shares.
	 */
	AsyncTemplateOperations asyncOperations() {
		return this.async;
	}

	/**
	 * Builder for {@link PusherTemplate}.
	 */
	public static final class Builder {

		private final PusherTransport transport;

		private JsonMapper jsonMapper = JsonMapper.shared();

		private DataSize maxPayloadSize = PusherLimits.MAX_PAYLOAD_SIZE;

		private @Nullable ChannelEncryption encryption;

		private RetryPolicy retryPolicy = PusherRetryDefaults.policy();

		private @Nullable RetryListener retryListener;

		private @Nullable Duration maxRetryAfter;

		private final List<PusherPublishListener> publishListeners = new ArrayList<>();

		private @Nullable ObservationRegistry observationRegistry;

		private @Nullable PusherObservationConvention observationConvention;

		private Builder(PusherTransport transport) {
			Assert.notNull(transport, "'transport' must not be null");
			this.transport = transport;
		}

		/**
		 * Serialize event data with this mapper.
		 * @param jsonMapper the application's mapper
		 * @return this builder
		 */
		public Builder jsonMapper(JsonMapper jsonMapper) {
			Assert.notNull(jsonMapper, "'jsonMapper' must not be null");
			this.jsonMapper = jsonMapper;
			return this;
		}

		/**
		 * Refuse event data larger than this.
		 * @param maxPayloadSize the limit of the app's Pusher plan
		 * @return this builder
		 */
		public Builder maxPayloadSize(DataSize maxPayloadSize) {
			Assert.isTrue(maxPayloadSize != null && !maxPayloadSize.isNegative(),
					"'maxPayloadSize' must not be negative");
			this.maxPayloadSize = maxPayloadSize;
			return this;
		}

		/**
		 * Encrypt {@code private-encrypted-} channels.
		 * @param encryption the app's channel encryption, or {@code null} for none
		 * @return this builder
		 */
		public Builder encryption(@Nullable ChannelEncryption encryption) {
			this.encryption = encryption;
			return this;
		}

		/**
		 * Retry transient failures with this policy's back-off, instead of
		 * {@link PusherRetryDefaults#policy()}. Whatever its predicate, only I/O errors,
		 * 5xx and 429 are retried.
		 * @param retryPolicy the policy; {@code RetryPolicy.withMaxRetries(0)} disables
		 * retries
		 * @return this builder
		 */
		public Builder retryPolicy(RetryPolicy retryPolicy) {
			Assert.notNull(retryPolicy, "'retryPolicy' must not be null");
			this.retryPolicy = retryPolicy;
			return this;
		}

		/**
		 * Tell a listener about retries, at the same points as Spring's
		 * {@code RetryTemplate} does.
		 * @param retryListener the listener, or {@code null} for none
		 * @return this builder
		 */
		public Builder retryListener(@Nullable RetryListener retryListener) {
			this.retryListener = retryListener;
			return this;
		}

		/**
		 * Honour a {@code Retry-After} answer up to this wait; an answer that asks for
		 * more fails the call at once. Defaults to the retry policy's longest back-off
		 * ({@code pusher.retry.max-delay}), else {@link PusherRetryDefaults#MAX_DELAY}.
		 * @param maxRetryAfter the longest wait
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			Assert.isTrue(maxRetryAfter != null && !maxRetryAfter.isNegative(), "'maxRetryAfter' must not be negative");
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * Add a listener that hears the outcome of every published message.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder publishListener(PusherPublishListener listener) {
			Assert.notNull(listener, "'listener' must not be null");
			this.publishListeners.add(listener);
			return this;
		}

		/**
		 * Replace the publish listeners.
		 * @param listeners the listeners, called in order
		 * @return this builder
		 */
		public Builder publishListeners(Collection<? extends PusherPublishListener> listeners) {
			Assert.notNull(listeners, "'listeners' must not be null");
			this.publishListeners.clear();
			listeners.forEach(this::publishListener);
			return this;
		}

		/**
		 * Observe every call with Micrometer ({@link PusherObservation}).
		 * @param observationRegistry the registry, or {@code null} (or
		 * {@link ObservationRegistry#NOOP}) for no observations
		 * @return this builder
		 */
		public Builder observationRegistry(@Nullable ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * Name and tag the observations with this convention instead of the
		 * {@link DefaultPusherObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable PusherObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 */
		public PusherTemplate build() {
			return new PusherTemplate(this);
		}

	}

}
