package io.pusherspring.webhook;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.pusherspring.webhook.PusherWebhookObservation.EventHighCardinalityKeyNames;
import io.pusherspring.webhook.PusherWebhookObservation.EventLowCardinalityKeyNames;

/**
 * The default {@link PusherWebhookEventObservationConvention}: the timer {@value #NAME},
 * tagged by the entry's type and whether its listeners succeeded; the channel and the
 * entry's id go to traces only.
 *
 * @see PusherWebhookObservation#EVENT
 */
public class DefaultPusherWebhookEventObservationConvention implements PusherWebhookEventObservationConvention {

	/** The name of the observation, and of the timer it becomes. */
	public static final String NAME = "pusher.webhook.event";

	/** The shared instance. */
	public static final DefaultPusherWebhookEventObservationConvention INSTANCE = new DefaultPusherWebhookEventObservationConvention();

	/**
	 * The span's name, such as {@code pusher webhook member_added}.
	 */
	@Override
	public String getContextualName(PusherWebhookEventObservationContext context) {
		return "pusher webhook " + eventType(context.getEvent());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(PusherWebhookEventObservationContext context) {
		return KeyValues.of(EventLowCardinalityKeyNames.EVENT_TYPE.withValue(eventType(context.getEvent())),
				outcome(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(PusherWebhookEventObservationContext context) {
		WebhookEvent event = context.getEvent();
		KeyValues id = KeyValues.of(EventHighCardinalityKeyNames.EVENT_ID.withValue(event.id()));
		return event.channel().isEmpty() ? id : id.and(EventHighCardinalityKeyNames.CHANNEL.withValue(event.channel()));
	}

	/**
	 * The {@code outcome} tag.
	 * @param context the context
	 * @return the key and its value
	 */
	protected KeyValue outcome(PusherWebhookEventObservationContext context) {
		return EventLowCardinalityKeyNames.OUTCOME.withValue((context.getError() != null) ? "failure" : "success");
	}

	/**
	 * The entry's type as a tag: a name this library does not know is {@code unknown}, so
	 * that what a sender writes cannot make an unbounded tag.
	 * @param event the entry
	 * @return the type
	 */
	protected String eventType(WebhookEvent event) {
		return (event instanceof UnknownWebhookEvent) ? "unknown" : event.name();
	}

}
