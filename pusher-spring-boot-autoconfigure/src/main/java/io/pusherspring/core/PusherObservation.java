package io.pusherspring.core;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The Micrometer observation of {@link PusherTemplate} calls: one per trigger, batch,
 * {@code sendToUser} and query, validation and retries included. With Micrometer's meter
 * handler it becomes the timer {@code pusher.template}, tagged with the
 * {@linkplain LowCardinalityKeyNames low-cardinality keys}; a tracer adds the
 * {@linkplain HighCardinalityKeyNames high-cardinality keys}, the channel names, to the
 * span.
 *
 * @see DefaultPusherObservationConvention
 */
public enum PusherObservation implements ObservationDocumentation {

	/**
	 * One call of a {@link PusherTemplate}.
	 */
	TEMPLATE {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPusherObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with a bounded set of values: tags of the timer.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The operation: {@code trigger}, {@code trigger_batch}, {@code send_to_user},
		 * {@code channel}, {@code channels}, {@code users} or
		 * {@code terminate_user_connections}.
		 */
		OPERATION {

			@Override
			public String asString() {
				return "operation";
			}

		},

		/**
		 * The event name; {@code multiple} for a batch of several names, {@code none} for
		 * queries.
		 */
		EVENT {

			@Override
			public String asString() {
				return "event";
			}

		},

		/**
		 * The kind of the channels named: {@code public}, {@code private},
		 * {@code presence}, {@code encrypted}, {@code cache} or {@code user}
		 * ({@code #server-to-user-}); {@code mixed} for several kinds, {@code none} for
		 * calls that name no channel.
		 */
		CHANNEL_KIND {

			@Override
			public String asString() {
				return "channel.kind";
			}

		},

		/**
		 * {@code success}; {@code invalid} when the call broke Pusher's rules and nothing
		 * was sent; {@code client_error} or {@code server_error} when Pusher answered 4xx
		 * or 5xx (after the retries); {@code io_error} when no answer arrived;
		 * {@code unknown} for any other failure.
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * {@code none}; {@code validation}; the HTTP status Pusher answered, such as
		 * {@code 401} or {@code 503}; {@code timeout} or {@code connection} when no
		 * answer arrived; else the simple name of the exception's class.
		 */
		ERROR_TYPE {

			@Override
			public String asString() {
				return "error.type";
			}

		}

	}

	/**
	 * Keys with unbounded values: in traces only, never tags of a meter.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The channels named, comma-separated (the first
		 * {@value DefaultPusherObservationConvention#MAX_CHANNELS_SHOWN}, then how many
		 * more).
		 */
		CHANNELS {

			@Override
			public String asString() {
				return "channels";
			}

		}

	}

}
