package io.pusherspring.core;

import java.io.InterruptedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import io.pusherspring.core.PusherObservation.HighCardinalityKeyNames;
import io.pusherspring.core.PusherObservation.LowCardinalityKeyNames;

/**
 * The default {@link PusherObservationConvention}: the timer {@value #NAME}, tagged by
 * operation, event name, channel kind, outcome and error type, never by channel name; the
 * channel names go to traces only. Extend it and override one of its protected methods to
 * change one key.
 * <p>
 * The event name is a tag, so keep event names a fixed set (no ids in them), or replace
 * the convention.
 *
 * @see PusherObservation
 */
public class DefaultPusherObservationConvention implements PusherObservationConvention {

	/** The name of the observation, and of the timer it becomes. */
	public static final String NAME = "pusher.template";

	/** The shared instance. */
	public static final DefaultPusherObservationConvention INSTANCE = new DefaultPusherObservationConvention();

	/** The most channel names written to a trace; the rest are counted. */
	public static final int MAX_CHANNELS_SHOWN = 10;

	static final String NONE = "none";

	private static final String MULTIPLE = "multiple";

	private static final String MIXED = "mixed";

	private static final String INVALID = "invalid";

	/**
	 * The span's name: {@code pusher}, the operation, and the event name when there is
	 * one, such as {@code pusher trigger announcement.posted}.
	 */
	@Override
	public String getContextualName(PusherObservationContext context) {
		String event = eventName(context);
		boolean oneValidName = context.getEventNames().size() == 1 && !event.equals(INVALID);
		return "pusher " + context.getOperation() + (oneValidName ? " " + event : "");
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PusherObservationContext context) {
		return KeyValues.of(operation(context), event(context), channelKind(context), outcome(context),
				errorType(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PusherObservationContext context) {
		return context.getChannels().isEmpty() ? KeyValues.empty() : KeyValues.of(channels(context));
	}

	/**
	 * The {@code operation} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue operation(PusherObservationContext context) {
		return LowCardinalityKeyNames.OPERATION.withValue(context.getOperation());
	}

	/**
	 * The {@code event} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue event(PusherObservationContext context) {
		return LowCardinalityKeyNames.EVENT.withValue(eventName(context));
	}

	/**
	 * The {@code channel.kind} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue channelKind(PusherObservationContext context) {
		Set<String> kinds = new LinkedHashSet<>();
		for (String channel : context.getChannels()) {
			if (channel != null) {
				kinds.add(channelKind(channel));
			}
		}
		String kind = kinds.isEmpty() ? NONE : (kinds.size() == 1) ? kinds.iterator().next() : MIXED;
		return LowCardinalityKeyNames.CHANNEL_KIND.withValue(kind);
	}

	/**
	 * The {@code outcome} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue outcome(PusherObservationContext context) {
		Throwable error = context.getError();
		String outcome;
		if (error == null) {
			outcome = "success";
		}
		else if (error instanceof PusherValidationException) {
			outcome = INVALID;
		}
		else if (error instanceof PusherApiException api) {
			outcome = (api.getStatusCode() >= 500) ? "server_error" : "client_error";
		}
		else if (error instanceof PusherConnectionException) {
			outcome = "io_error";
		}
		else {
			outcome = "unknown";
		}
		return LowCardinalityKeyNames.OUTCOME.withValue(outcome);
	}

	/**
	 * The {@code error.type} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue errorType(PusherObservationContext context) {
		Throwable error = context.getError();
		String type;
		if (error == null) {
			type = NONE;
		}
		else if (error instanceof PusherValidationException) {
			type = "validation";
		}
		else if (error instanceof PusherApiException api) {
			type = Integer.toString(api.getStatusCode());
		}
		else if (error instanceof PusherConnectionException) {
			type = timedOut(error) ? "timeout" : "connection";
		}
		else {
			type = error.getClass().getSimpleName();
		}
		return LowCardinalityKeyNames.ERROR_TYPE.withValue(type);
	}

	/**
	 * The {@code channels} key of traces.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue channels(PusherObservationContext context) {
		Set<String> distinct = new LinkedHashSet<>();
		for (String channel : context.getChannels()) {
			if (channel != null) {
				distinct.add((channel.length() > PusherLimits.MAX_CHANNEL_NAME_LENGTH)
						? channel.substring(0, PusherLimits.MAX_CHANNEL_NAME_LENGTH) + "…" : channel);
			}
		}
		List<String> names = List.copyOf(distinct);
		String value = (names.size() <= MAX_CHANNELS_SHOWN) ? String.join(",", names)
				: String.join(",", names.subList(0, MAX_CHANNELS_SHOWN)) + ",… (" + (names.size() - MAX_CHANNELS_SHOWN)
						+ " more)";
		return HighCardinalityKeyNames.CHANNELS.withValue(value);
	}

	/**
	 * The kind of one channel, by its prefix. A channel with several properties counts as
	 * the first of: {@code user}, {@code encrypted}, {@code cache}, {@code presence},
	 * {@code private}, {@code public}.
	 * @param channel the channel name
	 * @return the kind
	 */
	protected String channelKind(String channel) {
		if (channel.startsWith(ChannelNames.SERVER_TO_USER_PREFIX)) {
			return "user";
		}
		if (ChannelNames.isEncrypted(channel)) {
			return "encrypted";
		}
		if (ChannelNames.isCache(channel)) {
			return "cache";
		}
		if (ChannelNames.isPresence(channel)) {
			return "presence";
		}
		return ChannelNames.isPrivate(channel) ? "private" : "public";
	}

	/**
	 * The event name as a tag: a name Pusher refuses (empty or too long) is
	 * {@code invalid}, so that a bad value cannot make an unbounded tag.
	 */
	private static String eventName(PusherObservationContext context) {
		List<String> names = context.getEventNames();
		if (names.isEmpty()) {
			return NONE;
		}
		if (names.size() > 1) {
			return MULTIPLE;
		}
		String name = names.get(0);
		return (name == null || name.isEmpty() || name.length() > PusherLimits.MAX_EVENT_NAME_LENGTH) ? INVALID : name;
	}

	private static boolean timedOut(@Nullable Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof InterruptedIOException || cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}

}
