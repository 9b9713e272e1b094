package io.pusherspring.auth;

import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.pusherspring.auth.PusherAuthObservation.HighCardinalityKeyNames;
import io.pusherspring.auth.PusherAuthObservation.LowCardinalityKeyNames;

/**
 * The default {@link PusherAuthObservationConvention}: the timer {@value #NAME}, tagged
 * by endpoint, outcome and the pattern of the authorizer that decided, never by channel
 * or user; the channel and the reason go to traces only.
 *
 * @see PusherAuthObservation
 */
public class DefaultPusherAuthObservationConvention implements PusherAuthObservationConvention {

	/** The name of the observation, and of the timer it becomes. */
	public static final String NAME = "pusher.auth";

	/** The shared instance. */
	public static final DefaultPusherAuthObservationConvention INSTANCE = new DefaultPusherAuthObservationConvention();

	private static final String NONE = "none";

	/**
	 * The span's name: {@code pusher channel_authorization} or
	 * {@code pusher user_authentication}.
	 */
	@Override
	public String getContextualName(PusherAuthObservationContext context) {
		return "pusher " + lowerCase(context.getKind());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PusherAuthObservationContext context) {
		return KeyValues.of(kind(context), outcome(context), pattern(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PusherAuthObservationContext context) {
		PusherAuthorizationEvent decision = context.getDecision();
		if (decision == null) {
			return KeyValues.empty();
		}
		KeyValues reason = KeyValues.of(HighCardinalityKeyNames.REASON.withValue(decision.reason()));
		return (decision.channel() != null) ? reason.and(HighCardinalityKeyNames.CHANNEL.withValue(decision.channel()))
				: reason;
	}

	/**
	 * The {@code kind} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue kind(PusherAuthObservationContext context) {
		return LowCardinalityKeyNames.KIND.withValue(lowerCase(context.getKind()));
	}

	/**
	 * The {@code outcome} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue outcome(PusherAuthObservationContext context) {
		PusherAuthorizationEvent decision = context.getDecision();
		String outcome;
		if (decision != null) {
			outcome = lowerCase(decision.outcome());
		}
		else {
			outcome = (context.getError() != null || context.getStatus() >= 500) ? "error" : "invalid";
		}
		return LowCardinalityKeyNames.OUTCOME.withValue(outcome);
	}

	/**
	 * The {@code pattern} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue pattern(PusherAuthObservationContext context) {
		PusherAuthorizationEvent decision = context.getDecision();
		String pattern = (decision != null) ? decision.pattern() : null;
		return LowCardinalityKeyNames.PATTERN.withValue((pattern != null) ? pattern : NONE);
	}

	private static String lowerCase(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

}
