package io.pusherspring.webhook;

import java.util.List;
import java.util.Locale;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.pusherspring.webhook.PusherWebhookObservation.DeliveryHighCardinalityKeyNames;
import io.pusherspring.webhook.PusherWebhookObservation.DeliveryLowCardinalityKeyNames;

/**
 * The default {@link PusherWebhookObservationConvention}: the timer {@value #NAME},
 * tagged by outcome and rejection reason; the names of the entries go to traces only.
 *
 * @see PusherWebhookObservation#DELIVERY
 */
public class DefaultPusherWebhookObservationConvention implements PusherWebhookObservationConvention {

	/** The name of the observation, and of the timer it becomes. */
	public static final String NAME = "pusher.webhook";

	/** The shared instance. */
	public static final DefaultPusherWebhookObservationConvention INSTANCE = new DefaultPusherWebhookObservationConvention();

	private static final int MAX_EVENTS_SHOWN = 10;

	@Override
	public String getContextualName(PusherWebhookObservationContext context) {
		return "pusher webhook";
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PusherWebhookObservationContext context) {
		return KeyValues.of(outcome(context), reason(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PusherWebhookObservationContext context) {
		PusherWebhook webhook = context.getWebhook();
		if (webhook == null) {
			return KeyValues.empty();
		}
		List<String> names = webhook.events().stream().map(WebhookEvent::name).toList();
		String value = (names.size() <= MAX_EVENTS_SHOWN) ? String.join(",", names)
				: String.join(",", names.subList(0, MAX_EVENTS_SHOWN)) + ",… (" + (names.size() - MAX_EVENTS_SHOWN)
						+ " more)";
		return KeyValues.of(DeliveryHighCardinalityKeyNames.EVENTS.withValue(value));
	}

	/**
	 * The {@code outcome} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue outcome(PusherWebhookObservationContext context) {
		String outcome;
		if (context.getRejection() != null) {
			outcome = "rejected";
		}
		else {
			outcome = (context.getError() != null || context.getStatus() >= 500) ? "failed" : "accepted";
		}
		return DeliveryLowCardinalityKeyNames.OUTCOME.withValue(outcome);
	}

	/**
	 * The {@code reason} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue reason(PusherWebhookObservationContext context) {
		WebhookRejection rejection = context.getRejection();
		return DeliveryLowCardinalityKeyNames.REASON
			.withValue((rejection != null) ? rejection.name().toLowerCase(Locale.ROOT) : "none");
	}

}
