package io.pusherspring.webhook;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The Micrometer observations of webhooks: one per request to {@code pusher.webhook.path}
 * ({@link #DELIVERY}, the timer {@code pusher.webhook}), accepted or rejected, and, when
 * the built-in endpoint dispatches an accepted delivery, one per entry ({@link #EVENT},
 * the timer {@code pusher.webhook.event}), tagged by the entry's type.
 *
 * @see DefaultPusherWebhookObservationConvention
 * @see DefaultPusherWebhookEventObservationConvention
 */
public enum PusherWebhookObservation implements ObservationDocumentation {

	/**
	 * One request to the webhook path, from verification to the answer.
	 */
	DELIVERY {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPusherWebhookObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return DeliveryLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return DeliveryHighCardinalityKeyNames.values();
		}

	},

	/**
	 * One entry of an accepted delivery, published to the application's listeners.
	 */
	EVENT {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPusherWebhookEventObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return EventLowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return EventHighCardinalityKeyNames.values();
		}

	};

	/**
	 * Tags of {@code pusher.webhook}.
	 */
	public enum DeliveryLowCardinalityKeyNames implements KeyName {

		/**
		 * {@code accepted}; {@code rejected} when a check failed; {@code failed} when the
		 * delivery was accepted but answered with 5xx (a listener threw), so that Pusher
		 * retries it.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The {@link WebhookRejection} in lower case, such as {@code invalid_signature};
		 * {@code none} for accepted deliveries.
		 */
		REASON {

			@Override
			public String asString() {
				return "reason";
			}

		}

	}

	/**
	 * Trace-only keys of {@code pusher.webhook}.
	 */
	public enum DeliveryHighCardinalityKeyNames implements KeyName {

		/**
		 * The names of an accepted delivery's entries, in order.
		 */
		EVENTS {

			@Override
			public String asString() {
				return "events";
			}

		}

	}

	/**
	 * Tags of {@code pusher.webhook.event}.
	 */
	public enum EventLowCardinalityKeyNames implements KeyName {

		/**
		 * The entry's type, such as {@code member_added}; {@code unknown} for a name this
		 * library does not know ({@link UnknownWebhookEvent}).
		 */
		EVENT_TYPE {

			@Override
			public String asString() {
				return "event.type";
			}

		},

		/**
		 * {@code success}, or {@code failure} when a listener threw.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		}

	}

	/**
	 * Trace-only keys of {@code pusher.webhook.event}.
	 */
	public enum EventHighCardinalityKeyNames implements KeyName {

		/**
		 * The channel the entry is about.
		 */
		CHANNEL {

			@Override
			public String asString() {
				return "channel";
			}

		},

		/**
		 * The entry's stable id ({@link WebhookEvent#id()}).
		 */
		EVENT_ID {

			@Override
			public String asString() {
				return "event.id";
			}

		}

	}

}
