package io.pusherspring.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.pusherspring.core.ProtocolJson.BatchEvent;
import io.pusherspring.core.ProtocolJson.PreparedEvent;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.unit.DataSize;

/**
 * The default {@link PusherOperations}: checks every call against Pusher's rules,
 * serializes event data with the application's Jackson {@link JsonMapper}, splits channel
 * lists and batches into calls Pusher accepts, retries transient failures, and hands each
 * call to a {@link PusherTransport}.
 *
 * @author pusher-spring-boot
 */
public class PusherTemplate implements PusherOperations {

	/** The most channels one trigger may name. */
	public static final int MAX_CHANNELS_PER_TRIGGER = 100;

	/** The most events one batch call may carry. */
	public static final int MAX_EVENTS_PER_BATCH = 10;

	/** The longest event name Pusher accepts. */
	public static final int MAX_EVENT_NAME_LENGTH = 200;

	/** The largest event data Pusher accepts by default. */
	public static final DataSize DEFAULT_MAX_PAYLOAD_SIZE = DataSize.ofKilobytes(10);

	private static final Set<String> TRIGGER_INFO = Set.of(ChannelInfo.USER_COUNT, ChannelInfo.SUBSCRIPTION_COUNT);

	private static final Log logger = LogFactory.getLog(PusherTemplate.class);

	private final PusherTransport transport;

	private final JsonMapper jsonMapper;

	private final long maxPayloadBytes;

	private final @Nullable ChannelEncryption encryption;

	private final RetryPolicy retryPolicy;

	private final RetryTemplate retryTemplate;

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
		this.retryTemplate = new RetryTemplate(this.retryPolicy);
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
	 * The retry policy applied when none is configured: two retries, 100ms then 200ms
	 * apart, at most 2s.
	 * @return the default policy
	 */
	public static RetryPolicy defaultRetryPolicy() {
		return RetryPolicy.builder()
			.maxRetries(2)
			.delay(Duration.ofMillis(100))
			.multiplier(2)
			.maxDelay(Duration.ofSeconds(2))
			.build();
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
		PreparedEvent event = prepare(message);
		TriggerResult result = TriggerResult.empty();
		for (PusherRequest request : triggerRequests(event)) {
			result = result.merge(ProtocolJson.triggerResult(request, execute(request)));
		}
		return result;
	}

	@Override
	public CompletableFuture<TriggerResult> triggerAsync(PusherMessage message) {
		PreparedEvent event = prepare(message);
		List<CompletableFuture<TriggerResult>> calls = new ArrayList<>();
		for (PusherRequest request : triggerRequests(event)) {
			calls.add(executeAsync(request).thenApply((response) -> ProtocolJson.triggerResult(request, response)));
		}
		return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
			.thenApply((ignored) -> calls.stream()
				.map(CompletableFuture::join)
				.reduce(TriggerResult.empty(), TriggerResult::merge));
	}

	@Override
	public BatchResult triggerBatch(List<PusherMessage> messages) {
		Assert.notNull(messages, "'messages' must not be null");
		if (messages.isEmpty()) {
			throw new PusherValidationException("A batch must contain at least one message");
		}
		List<BatchEvent> events = new ArrayList<>();
		for (int i = 0; i < messages.size(); i++) {
			events.addAll(batchEvents(i, messages.get(i)));
		}
		List<TriggerResult> results = new ArrayList<>(events.size());
		for (List<BatchEvent> chunk : chunks(events, MAX_EVENTS_PER_BATCH)) {
			PusherRequest request = PusherRequest.post("/batch_events", ProtocolJson.batchBody(chunk));
			results.addAll(ProtocolJson.batchResults(request, execute(request), chunk));
		}
		return new BatchResult(results);
	}

	@Override
	public void sendToUser(String userId, String event, Object data) {
		String channel = ChannelNames.serverToUser(userId);
		validateEventName(event);
		String payload = checkSize(serialize(data));
		PreparedEvent prepared = new PreparedEvent(List.of(channel), event, payload, null, Set.of());
		triggerRequests(prepared).forEach(this::execute);
	}

	@Override
	public ChannelInfo channel(String channel, String... info) {
		ChannelNames.validate(channel);
		Set<String> attributes = validateInfo(info, TRIGGER_INFO);
		if (attributes.contains(ChannelInfo.USER_COUNT) && !ChannelNames.isPresence(channel)) {
			throw presenceOnly(ChannelInfo.USER_COUNT, channel);
		}
		PusherRequest request = PusherRequest.get("/channels/" + channel, infoQuery(attributes, Map.of()));
		return ProtocolJson.channelInfo(channel, request, execute(request));
	}

	@Override
	public Map<String, ChannelInfo> channels(@Nullable String prefixFilter, String... info) {
		Set<String> attributes = validateInfo(info, Set.of(ChannelInfo.USER_COUNT));
		boolean filtered = prefixFilter != null && !prefixFilter.isEmpty();
		if (filtered) {
			ChannelNames.validate(prefixFilter);
		}
		if (attributes.contains(ChannelInfo.USER_COUNT)
				&& !(filtered && prefixFilter.startsWith(ChannelNames.PRESENCE_PREFIX))) {
			throw new PusherValidationException("Info attribute 'user_count' is only available for presence channels: "
					+ "list channels with a prefix filter starting with 'presence-', not "
					+ (filtered ? ChannelNames.quote(prefixFilter) : "no filter"));
		}
		PusherRequest request = PusherRequest.get("/channels",
				infoQuery(attributes, filtered ? Map.of("filter_by_prefix", prefixFilter) : Map.of()));
		return ProtocolJson.channelList(request, execute(request));
	}

	@Override
	public List<String> users(String presenceChannel) {
		ChannelNames.validate(presenceChannel);
		if (!ChannelNames.isPresence(presenceChannel)) {
			throw new PusherValidationException("Only presence channels have users: "
					+ ChannelNames.quote(presenceChannel) + " does not start with 'presence-'");
		}
		PusherRequest request = PusherRequest.get("/channels/" + presenceChannel + "/users", Map.of());
		return ProtocolJson.userIds(request, execute(request));
	}

	@Override
	public void terminateUserConnections(String userId) {
		ChannelNames.validateUserId(userId);
		execute(PusherRequest.post("/users/" + userId + "/terminate_connections", "{}"));
	}

	private PreparedEvent prepare(PusherMessage message) {
		Assert.notNull(message, "'message' must not be null");
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
		for (List<String> chunk : chunks(event.channels(), MAX_CHANNELS_PER_TRIGGER)) {
			requests.add(PusherRequest.post("/events", ProtocolJson.triggerBody(chunk, event)));
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
		if (event.length() > MAX_EVENT_NAME_LENGTH) {
			throw new PusherValidationException("Event name " + ChannelNames.quote(event) + " is " + event.length()
					+ " characters long; Pusher allows at most " + MAX_EVENT_NAME_LENGTH);
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

	private PusherResponse execute(PusherRequest request) {
		return this.retryTemplate.invoke(() -> successful(request, this.transport.exchange(request)));
	}

	private CompletableFuture<PusherResponse> executeAsync(PusherRequest request) {
		CompletableFuture<PusherResponse> result = new CompletableFuture<>();
		attempt(request, this.retryPolicy.getBackOff().start(), System.nanoTime(), result);
		return result;
	}

	private void attempt(PusherRequest request, BackOffExecution backOff, long startNanos,
			CompletableFuture<PusherResponse> result) {
		CompletableFuture<PusherResponse> call;
		try {
			call = this.transport.exchangeAsync(request);
		}
		catch (RuntimeException ex) {
			call = CompletableFuture.failedFuture(ex);
		}
		call.thenApply((response) -> successful(request, response)).whenComplete((response, failure) -> {
			if (failure == null) {
				result.complete(response);
				return;
			}
			Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
					? failure.getCause() : failure;
			long delay = this.retryPolicy.shouldRetry(cause) ? backOff.nextBackOff() : BackOffExecution.STOP;
			if (delay == BackOffExecution.STOP || exceedsTimeout(startNanos, delay)) {
				result.completeExceptionally(cause);
				return;
			}
			logger.debug("Retrying " + request.describe() + " in " + delay + "ms after: " + cause.getMessage());
			CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
				.execute(() -> attempt(request, backOff, startNanos, result));
		});
	}

	/**
	 * The same rule {@link RetryTemplate} applies: no retry whose wait would end past the
	 * policy's timeout.
	 */
	private boolean exceedsTimeout(long startNanos, long delayMillis) {
		long timeoutMillis = this.retryPolicy.getTimeout().toMillis();
		return timeoutMillis > 0
				&& TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) + delayMillis > timeoutMillis;
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

		private DataSize maxPayloadSize = DEFAULT_MAX_PAYLOAD_SIZE;

		private @Nullable ChannelEncryption encryption;

		private RetryPolicy retryPolicy = defaultRetryPolicy();

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
		 * Build the template.
		 * @return the template
		 */
		public PusherTemplate build() {
			return new PusherTemplate(this);
		}

	}

}
