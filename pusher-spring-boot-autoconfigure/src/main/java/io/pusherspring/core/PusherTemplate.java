package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.core.ProtocolJson.BatchEvent;
import io.pusherspring.core.ProtocolJson.PreparedEvent;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.Retryable;
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
 * Retries follow a Spring {@link RetryPolicy} and report to a {@link RetryListener}, as a
 * {@code RetryTemplate} would; a {@code Retry-After} answer is waited for up to the
 * policy's longest back-off and fails the call at once beyond it. A failed call throws
 * (or completes its future with) a {@link PusherException} that describes the last
 * attempt, carries the earlier attempts' failures as suppressed exceptions, and says
 * whether the event may have been delivered all the same
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

	private static final Set<String> TRIGGER_INFO = Set.of(ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT);

	private static final Log logger = LogFactory.getLog(PusherTemplate.class);

	private final PusherTransport transport;

	private final JsonMapper jsonMapper;

	private final long maxPayloadBytes;

	private final @Nullable ChannelEncryption encryption;

	private final RetryPolicy retryPolicy;

	private final @Nullable RetryListener retryListener;

	private final Duration maxRetryAfter;

	private final List<PusherPublishListener> publishListeners;

	private final @Nullable TemplateObservations observations;

	/**
	 * Create a template with default settings: Jackson's shared mapper, a 10KB payload
	 * limit, no encryption, and two retries 100ms then 200ms apart.
	 * @param transport the transport that sends requests
	 */
	public PusherTemplate(PusherTransport transport) {
		this(builder(transport));
	}

	private PusherTemplate(Builder builder) {
		this.transport = builder.transport;
		this.jsonMapper = builder.jsonMapper;
		this.maxPayloadBytes = builder.maxPayloadSize.toBytes();
		this.encryption = builder.encryption;
		this.retryPolicy = new TransientFailuresOnly(builder.retryPolicy);
		this.retryListener = builder.retryListener;
		this.maxRetryAfter = (builder.maxRetryAfter != null) ? builder.maxRetryAfter
				: longestWait(builder.retryPolicy.getBackOff());
		this.publishListeners = List.copyOf(builder.publishListeners);
		this.observations = (builder.observationRegistry != null)
				? new TemplateObservations(builder.observationRegistry, builder.observationConvention) : null;
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
		return run(Operation.publishing(Operation.TRIGGER, message), () -> {
			PreparedEvent event = prepare(message);
			TriggerResult result = TriggerResult.empty();
			for (TriggerResult chunk : sendInOrder(triggerRequests(event), ProtocolJson::triggerResult,
					(sent) -> "the event had already been delivered to the first "
							+ sent * PusherLimits.MAX_CHANNELS_PER_TRIGGER + " of " + event.channels().size()
							+ " channels")) {
				result = result.merge(chunk);
			}
			return result;
		});
	}

	@Override
	public CompletableFuture<TriggerResult> triggerAsync(PusherMessage message) {
		Assert.notNull(message, "'message' must not be null");
		return runAsync(Operation.publishing(Operation.TRIGGER, message), () -> {
			PreparedEvent event = prepare(message);
			List<PusherRequest> requests = triggerRequests(event);
			if (requests.size() == 1) {
				PusherRequest request = requests.get(0);
				return executeAsync(request)
					.thenApply((response) -> read(request, response, ProtocolJson::triggerResult));
			}
			return sendConcurrently(requests, event.channels().size());
		});
	}

	@Override
	public BatchResult triggerBatch(List<PusherMessage> messages) {
		Assert.notNull(messages, "'messages' must not be null");
		return run(Operation.batch(messages), () -> {
			if (messages.isEmpty()) {
				throw new PusherValidationException("A batch must contain at least one message");
			}
			List<BatchEvent> events = new ArrayList<>();
			for (int i = 0; i < messages.size(); i++) {
				events.addAll(batchEvents(i, messages.get(i)));
			}
			List<List<BatchEvent>> chunks = chunks(events, PusherLimits.MAX_EVENTS_PER_BATCH);
			List<PusherRequest> requests = new ArrayList<>(chunks.size());
			for (List<BatchEvent> chunk : chunks) {
				requests.add(PusherRequest.post(ApiPaths.BATCH_EVENTS, ProtocolJson.batchBody(chunk)));
			}
			List<TriggerResult> results = new ArrayList<>(events.size());
			Iterator<List<BatchEvent>> sentChunks = chunks.iterator();
			for (List<TriggerResult> chunkResults : sendInOrder(requests,
					(request, response) -> ProtocolJson.batchResults(request, response, sentChunks.next()),
					(sent) -> "the first " + sent * PusherLimits.MAX_EVENTS_PER_BATCH + " of " + events.size()
							+ " events had already been accepted")) {
				results.addAll(chunkResults);
			}
			return new BatchResult(results);
		});
	}

	@Override
	public void sendToUser(String userId, String event, Object data) {
		PusherMessage message = PusherMessage.of(ChannelNames.SERVER_TO_USER_PREFIX + userId, event, data);
		run(Operation.publishing(Operation.SEND_TO_USER, message), () -> {
			String channel = ChannelNames.serverToUser(userId);
			validateEventName(event);
			String payload = checkSize(serialize(data));
			PreparedEvent prepared = new PreparedEvent(List.of(channel), event, payload, null, Set.of());
			sendInOrder(triggerRequests(prepared), ProtocolJson::triggerResult, (sent) -> "");
			return TriggerResult.empty();
		});
	}

	@Override
	public ChannelInfo channel(String channel, String... info) {
		return run(Operation.query(Operation.CHANNEL, channel), () -> {
			ChannelNames.validate(channel);
			Set<String> attributes = validateInfo(info, TRIGGER_INFO);
			if (attributes.contains(ChannelInfo.USER_COUNT) && !ChannelNames.isPresence(channel)) {
				throw presenceOnly(ChannelInfo.USER_COUNT, channel);
			}
			PusherRequest request = PusherRequest.get(ApiPaths.channel(channel), infoQuery(attributes, Map.of()));
			return ProtocolJson.channelInfo(channel, request, execute(request));
		});
	}

	@Override
	public Map<String, ChannelInfo> channels(@Nullable String prefixFilter, String... info) {
		return run(Operation.query(Operation.CHANNELS, null), () -> {
			Set<String> attributes = validateInfo(info, Set.of(ChannelInfo.USER_COUNT));
			boolean filtered = prefixFilter != null && !prefixFilter.isEmpty();
			if (filtered) {
				ChannelNames.validate(prefixFilter);
			}
			if (attributes.contains(ChannelInfo.USER_COUNT)
					&& !(filtered && prefixFilter.startsWith(ChannelNames.PRESENCE_PREFIX))) {
				throw new PusherValidationException(
						"Info attribute 'user_count' is only available for presence channels: "
								+ "list channels with a prefix filter starting with 'presence-', not "
								+ (filtered ? ChannelNames.quote(prefixFilter) : "no filter"));
			}
			PusherRequest request = PusherRequest.get(ApiPaths.CHANNELS,
					infoQuery(attributes, filtered ? Map.of("filter_by_prefix", prefixFilter) : Map.of()));
			return ProtocolJson.channelList(request, execute(request));
		});
	}

	@Override
	public List<String> users(String presenceChannel) {
		return run(Operation.query(Operation.USERS, presenceChannel), () -> {
			ChannelNames.validate(presenceChannel);
			if (!ChannelNames.isPresence(presenceChannel)) {
				throw new PusherValidationException("Only presence channels have users: "
						+ ChannelNames.quote(presenceChannel) + " does not start with 'presence-'");
			}
			PusherRequest request = PusherRequest.get(ApiPaths.channelUsers(presenceChannel), Map.of());
			return ProtocolJson.userIds(request, execute(request));
		});
	}

	@Override
	public void terminateUserConnections(String userId) {
		run(Operation.query(Operation.TERMINATE_USER_CONNECTIONS, null), () -> {
			ChannelNames.validateUserId(userId);
			return execute(PusherRequest.post(ApiPaths.terminateConnections(userId), "{}"));
		});
	}

	/**
	 * The one path every blocking operation takes: observes the operation as a whole,
	 * validation included, and tells the publish listeners the outcome of publishing
	 * operations.
	 */
	private <T> T run(Operation operation, Supplier<T> call) {
		T result;
		try {
			result = (this.observations != null && this.observations.isActive())
					? this.observations.observe(operation.name(), operation.eventNames(), operation.channels(), call)
					: call.get();
		}
		catch (PusherException ex) {
			failed(operation, ex);
			throw ex;
		}
		published(operation, result);
		return result;
	}

	/**
	 * The one path every asynchronous operation takes. Validation failures are thrown at
	 * once on the calling thread; everything after it completes the future.
	 */
	private <T> CompletableFuture<T> runAsync(Operation operation, Supplier<CompletableFuture<T>> call) {
		CompletableFuture<T> future;
		try {
			future = (this.observations != null && this.observations.isActive()) ? this.observations
				.observeAsync(operation.name(), operation.eventNames(), operation.channels(), call) : call.get();
		}
		catch (PusherException ex) {
			failed(operation, ex);
			throw ex;
		}
		if (this.publishListeners.isEmpty()) {
			return future;
		}
		return future.whenComplete((result, failure) -> {
			if (failure == null) {
				published(operation, result);
			}
			else if (unwrap(failure) instanceof PusherException ex) {
				failed(operation, ex);
			}
		});
	}

	private void published(Operation operation, @Nullable Object result) {
		if (this.publishListeners.isEmpty() || operation.messages().isEmpty()) {
			return;
		}
		List<PusherMessage> messages = operation.messages();
		if (result instanceof BatchResult batch) {
			int index = 0;
			for (PusherMessage message : messages) {
				int events = new LinkedHashSet<>(message.channels()).size();
				TriggerResult merged = TriggerResult.empty();
				for (TriggerResult eventResult : batch.results().subList(index, index + events)) {
					merged = merged.merge(eventResult);
				}
				index += events;
				notifyListeners(message, merged, null);
			}
			return;
		}
		TriggerResult triggered = (result instanceof TriggerResult trigger) ? trigger : TriggerResult.empty();
		messages.forEach((message) -> notifyListeners(message, triggered, null));
	}

	private void failed(Operation operation, PusherException failure) {
		if (!this.publishListeners.isEmpty()) {
			operation.messages().forEach((message) -> notifyListeners(message, null, failure));
		}
	}

	private void notifyListeners(@Nullable PusherMessage message, @Nullable TriggerResult result,
			@Nullable PusherException failure) {
		if (message == null) {
			return;
		}
		for (PusherPublishListener listener : this.publishListeners) {
			try {
				if (failure != null) {
					listener.onError(message, failure);
				}
				else {
					listener.onSuccess(message, result);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("PusherPublishListener " + listener.getClass().getName() + " failed: " + ex);
			}
		}
	}

	/**
	 * Send requests one after the other, stopping at the first failure; a failure after
	 * an earlier request succeeded means part of the call was delivered.
	 */
	private <R> List<R> sendInOrder(List<PusherRequest> requests, BiFunction<PusherRequest, PusherResponse, R> reader,
			IntFunction<String> deliveredBefore) {
		List<R> results = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			PusherRequest request = requests.get(i);
			PusherResponse response;
			try {
				response = execute(request);
			}
			catch (PusherException ex) {
				if (i > 0) {
					ex.markPossiblyDelivered(deliveredBefore.apply(i));
				}
				throw ex;
			}
			results.add(read(request, response, reader));
		}
		return results;
	}

	/**
	 * Send requests at once; the call fails with the first failure, the others
	 * suppressed, once every request has completed.
	 */
	private CompletableFuture<TriggerResult> sendConcurrently(List<PusherRequest> requests, int channelCount) {
		List<CompletableFuture<TriggerResult>> calls = new ArrayList<>(requests.size());
		for (PusherRequest request : requests) {
			calls.add(executeAsync(request)
				.thenApply((response) -> read(request, response, ProtocolJson::triggerResult)));
		}
		return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((ignored, failed) -> {
			TriggerResult result = TriggerResult.empty();
			Throwable failure = null;
			int delivered = 0;
			for (int i = 0; i < calls.size(); i++) {
				try {
					result = result.merge(calls.get(i).join());
					delivered += Math.min(PusherLimits.MAX_CHANNELS_PER_TRIGGER,
							channelCount - i * PusherLimits.MAX_CHANNELS_PER_TRIGGER);
				}
				catch (CompletionException | CancellationException ex) {
					Throwable cause = unwrap(ex);
					if (failure == null) {
						failure = cause;
					}
					else if (cause != failure) {
						failure.addSuppressed(cause);
					}
				}
			}
			if (failure == null) {
				return result;
			}
			if (delivered > 0 && failure instanceof PusherException ex) {
				ex.markPossiblyDelivered("the event was delivered to " + delivered + " of " + channelCount
						+ " channels by the other requests of this trigger");
			}
			throw new CompletionException(failure);
		});
	}

	/**
	 * Read a successful answer; an answer that cannot be read still means Pusher accepted
	 * the request.
	 */
	private static <R> R read(PusherRequest request, PusherResponse response,
			BiFunction<PusherRequest, PusherResponse, R> reader) {
		try {
			return reader.apply(request, response);
		}
		catch (PusherException ex) {
			ex.markPossiblyDelivered("Pusher answered HTTP " + response.statusCode() + ", so it accepted the request");
			throw ex;
		}
	}

	private PreparedEvent prepare(PusherMessage message) {
		PreparedEvent event = validated(message);
		List<String> channels = event.channels();
		String encrypted = channels.stream().filter(ChannelNames::isEncrypted).findFirst().orElse(null);
		if (encrypted == null) {
			return event.withData(checkSize(event.data()));
		}
		if (channels.size() > 1) {
			throw new PusherValidationException("A trigger to several channels must not include the encrypted channel "
					+ ChannelNames.quote(encrypted) + ": data is encrypted per channel, so trigger it on its own");
		}
		return event.withData(checkSize(encryption(encrypted).encrypt(encrypted, event.data())));
	}

	private List<BatchEvent> batchEvents(int index, @Nullable PusherMessage message) {
		if (message == null) {
			throw new PusherValidationException("Batch message " + index + " is null");
		}
		PreparedEvent event = validated(message);
		List<BatchEvent> events = new ArrayList<>(event.channels().size());
		for (String channel : event.channels()) {
			String payload = ChannelNames.isEncrypted(channel) ? encryption(channel).encrypt(channel, event.data())
					: event.data();
			events.add(new BatchEvent(channel, event.name(), checkSize(payload), event.socketId(), event.info()));
		}
		return events;
	}

	/**
	 * The checks every message passes, whether triggered or batched, and its data
	 * serialized but not yet encrypted or measured.
	 */
	private PreparedEvent validated(PusherMessage message) {
		List<String> channels = validateChannels(message.channels());
		validateEventName(message.event());
		if (message.excludeSocketId() != null) {
			SocketIds.validate(message.excludeSocketId());
		}
		Set<String> info = validateTriggerInfo(message.info(), channels);
		return new PreparedEvent(channels, message.event(), serialize(message.data()), message.excludeSocketId(), info);
	}

	private List<PusherRequest> triggerRequests(PreparedEvent event) {
		List<PusherRequest> requests = new ArrayList<>();
		for (List<String> chunk : chunks(event.channels(), PusherLimits.MAX_CHANNELS_PER_TRIGGER)) {
			requests.add(PusherRequest.post(ApiPaths.EVENTS, ProtocolJson.triggerBody(chunk, event)));
		}
		return requests;
	}

	private List<String> validateChannels(List<String> channels) {
		if (channels.isEmpty()) {
			throw new PusherValidationException("A trigger must name at least one channel");
		}
		Set<String> distinct = new LinkedHashSet<>(channels.size());
		for (String channel : channels) {
			ChannelNames.validate(channel);
			distinct.add(channel);
		}
		return List.copyOf(distinct);
	}

	private static void validateEventName(@Nullable String event) {
		if (event == null || event.isEmpty()) {
			throw new PusherValidationException("Event name must not be empty");
		}
		if (event.length() > PusherLimits.MAX_EVENT_NAME_LENGTH) {
			throw new PusherValidationException("Event name " + ChannelNames.quote(event) + " is " + event.length()
					+ " characters long; Pusher allows at most " + PusherLimits.MAX_EVENT_NAME_LENGTH);
		}
		if (event.startsWith("pusher:") || event.startsWith("pusher_internal:")) {
			throw new PusherValidationException("Event name " + ChannelNames.quote(event)
					+ " is reserved: the prefixes 'pusher:' and 'pusher_internal:' belong to Pusher's own protocol");
		}
	}

	private static Set<String> validateTriggerInfo(Set<String> info, List<String> channels) {
		Set<String> attributes = validateInfo(info.toArray(String[]::new), TRIGGER_INFO);
		if (attributes.contains(ChannelInfo.USER_COUNT)) {
			channels.stream()
				.filter((channel) -> !ChannelNames.isPresence(channel))
				.findFirst()
				.ifPresent((channel) -> {
					throw presenceOnly(ChannelInfo.USER_COUNT, channel);
				});
		}
		return attributes;
	}

	private static Set<String> validateInfo(String @Nullable [] info, Set<String> allowed) {
		Set<String> attributes = new LinkedHashSet<>();
		if (info != null) {
			for (String attribute : info) {
				if (attribute == null || !allowed.contains(attribute)) {
					throw new PusherValidationException(
							"Unknown info attribute " + ((attribute != null) ? ChannelNames.quote(attribute) : "null")
									+ "; use one of " + String.join(", ", allowed.stream().sorted().toList()));
				}
				attributes.add(attribute);
			}
		}
		return attributes;
	}

	private static PusherValidationException presenceOnly(String attribute, String channel) {
		return new PusherValidationException("Info attribute '" + attribute + "' is only available for presence "
				+ "channels, and " + ChannelNames.quote(channel) + " does not start with 'presence-'");
	}

	private static Map<String, String> infoQuery(Set<String> attributes, Map<String, String> query) {
		if (attributes.isEmpty()) {
			return query;
		}
		Map<String, String> withInfo = new LinkedHashMap<>(query);
		withInfo.put("info", String.join(",", attributes));
		return withInfo;
	}

	private String serialize(@Nullable Object data) {
		if (data == null) {
			throw new PusherValidationException(
					"Event data must not be null: send a String as it is, or an object to serialize as JSON");
		}
		if (data instanceof String string) {
			return string;
		}
		try {
			return this.jsonMapper.writeValueAsString(data);
		}
		catch (JacksonException ex) {
			throw new PusherValidationException("Event data of type " + data.getClass().getName()
					+ " cannot be written as JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	private String checkSize(String data) {
		long bytes = utf8Length(data);
		if (bytes > this.maxPayloadBytes) {
			throw new PusherValidationException("Event data is " + bytes + " bytes, over the limit of "
					+ this.maxPayloadBytes + " bytes (pusher.limits.max-payload-size); "
					+ "Pusher refuses it with 413, so send less or raise the limit if your plan allows more");
		}
		return data;
	}

	private ChannelEncryption encryption(String channel) {
		if (this.encryption == null) {
			throw new PusherValidationException("Channel " + ChannelNames.quote(channel)
					+ " is end-to-end encrypted, but no encryption master key is configured "
					+ "(pusher.encryption-master-key)");
		}
		return this.encryption;
	}

	/**
	 * Send one request, retrying transient failures.
	 */
	private PusherResponse execute(PusherRequest request) {
		long startNanos = System.nanoTime();
		Attempts attempts = null;
		while (true) {
			PusherResponse response;
			try {
				response = successful(request, this.transport.exchange(request));
			}
			catch (RuntimeException ex) {
				if (attempts == null) {
					attempts = attempts(request, startNanos);
				}
				long delay = attempts.failed(ex);
				if (delay == Attempts.STOP) {
					throw (RuntimeException) attempts.failure(false);
				}
				logRetry(request, delay, ex);
				try {
					Thread.sleep(delay);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw (RuntimeException) attempts.failure(true);
				}
				attempts.retrying();
				continue;
			}
			succeeded(request, attempts, response);
			return response;
		}
	}

	private CompletableFuture<PusherResponse> executeAsync(PusherRequest request) {
		CompletableFuture<PusherResponse> result = new CompletableFuture<>();
		attempt(request, null, System.nanoTime(), result);
		return result;
	}

	private void attempt(PusherRequest request, @Nullable Attempts attempts, long startNanos,
			CompletableFuture<PusherResponse> result) {
		CompletableFuture<PusherResponse> call;
		try {
			call = this.transport.exchangeAsync(request);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.whenComplete((response, failed) -> {
			try {
				attempted(request, attempts, startNanos, result, response, failed);
			}
			catch (Throwable ex) {
				// a retry listener failed: end the call rather than leave it hanging
				result.completeExceptionally(ex);
			}
		});
	}

	private void attempted(PusherRequest request, @Nullable Attempts attempts, long startNanos,
			CompletableFuture<PusherResponse> result, @Nullable PusherResponse response, @Nullable Throwable failed) {
		Throwable failure = unwrap(failed);
		if (failure == null && !response.isSuccessful()) {
			failure = PusherApiException.forResponse(request, response);
		}
		if (failure == null) {
			succeeded(request, attempts, response);
			result.complete(response);
			return;
		}
		Attempts current = (attempts != null) ? attempts : attempts(request, startNanos);
		long delay = current.failed(failure);
		if (delay == Attempts.STOP) {
			result.completeExceptionally(current.failure(false));
			return;
		}
		logRetry(request, delay, failure);
		CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS).execute(() -> {
			try {
				current.retrying();
				attempt(request, current, startNanos, result);
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		});
	}

	/**
	 * Tell the retry listener that a request succeeded, at its first attempt or a retry.
	 */
	private void succeeded(PusherRequest request, @Nullable Attempts attempts, PusherResponse response) {
		if (attempts != null) {
			attempts.succeeded(response);
		}
		else if (this.retryListener != null) {
			Attempts.succeededAtOnce(this.retryPolicy, this.retryListener, retryable(request));
		}
	}

	private Attempts attempts(PusherRequest request, long startNanos) {
		return new Attempts(this.retryPolicy, this.retryListener, this.maxRetryAfter, retryable(request), startNanos);
	}

	/**
	 * The request as Spring's retry listeners see it.
	 */
	private Retryable<PusherResponse> retryable(PusherRequest request) {
		return new Retryable<>() {

			@Override
			public PusherResponse execute() {
				return successful(request, PusherTemplate.this.transport.exchange(request));
			}

			@Override
			public String getName() {
				return request.describe();
			}

		};
	}

	private static void logRetry(PusherRequest request, long delay, Throwable failure) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + request.describe() + " in " + delay + "ms after: " + failure.getMessage());
		}
	}

	static @Nullable Throwable unwrap(@Nullable Throwable failure) {
		Throwable cause = failure;
		while ((cause instanceof CompletionException || cause instanceof ExecutionException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static PusherResponse successful(PusherRequest request, PusherResponse response) {
		if (!response.isSuccessful()) {
			throw PusherApiException.forResponse(request, response);
		}
		return response;
	}

	private static <T> List<List<T>> chunks(List<T> items, int size) {
		List<List<T>> chunks = new ArrayList<>((items.size() + size - 1) / size);
		for (int start = 0; start < items.size(); start += size) {
			chunks.add(items.subList(start, Math.min(start + size, items.size())));
		}
		return chunks;
	}

	private static long utf8Length(String text) {
		long bytes = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes += 1;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

	/**
	 * What an operation is about, as the one execution path of each kind of call sees it.
	 * The event names and channels of the observation are derived from the messages, and
	 * only when the call is observed.
	 *
	 * @param name the operation, such as {@code trigger}
	 * @param queried the channel a query names, if any
	 * @param messages the messages published, none for queries
	 */
	private record Operation(String name, List<String> queried, List<PusherMessage> messages) {

		static final String TRIGGER = "trigger";

		static final String TRIGGER_BATCH = "trigger_batch";

		static final String SEND_TO_USER = "send_to_user";

		static final String CHANNEL = "channel";

		static final String CHANNELS = "channels";

		static final String USERS = "users";

		static final String TERMINATE_USER_CONNECTIONS = "terminate_user_connections";

		static Operation publishing(String name, PusherMessage message) {
			return new Operation(name, List.of(), List.of(message));
		}

		static Operation batch(List<PusherMessage> messages) {
			return new Operation(TRIGGER_BATCH, List.of(), messages.stream().filter(Objects::nonNull).toList());
		}

		static Operation query(String name, @Nullable String channel) {
			return new Operation(name, (channel != null) ? List.of(channel) : List.of(), List.of());
		}

		/**
		 * The channels named, as the application passed them.
		 */
		List<String> channels() {
			if (this.messages.size() == 1) {
				return this.messages.get(0).channels();
			}
			if (this.messages.isEmpty()) {
				return this.queried;
			}
			List<String> channels = new ArrayList<>();
			this.messages.forEach((message) -> channels.addAll(message.channels()));
			return channels;
		}

		/**
		 * The distinct event names published, none for queries; a missing name stays, so
		 * that the observation can call it invalid.
		 */
		List<String> eventNames() {
			Set<String> names = new LinkedHashSet<>();
			this.messages.forEach((message) -> names.add(message.event()));
			return new ArrayList<>(names);
		}

	}

	/**
	 * Retries what the configured policy allows, but only failures a retry can help: I/O
	 * errors, 5xx and 429. Other 4xx answers fail the same way every time.
	 */
	private record TransientFailuresOnly(RetryPolicy delegate) implements RetryPolicy {

		@Override
		public boolean shouldRetry(Throwable throwable) {
			return throwable instanceof PusherException pusherException && pusherException.isRetryable()
					&& this.delegate.shouldRetry(throwable);
		}

		@Override
		public Duration getTimeout() {
			return this.delegate.getTimeout();
		}

		@Override
		public BackOff getBackOff() {
			return this.delegate.getBackOff();
		}

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
		 * Retry transient failures with this policy's back-off. Whatever its predicate,
		 * only I/O errors, 5xx and 429 are retried.
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
		 * ({@code pusher.retry.max-delay}).
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
