package io.pusherspring.auth;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The Micrometer observation of the auth endpoints: one per request to
 * {@code pusher.auth.path} or {@code pusher.auth.user-path}, from the rate limit to the
 * answer, the authorizer's own work included. With Micrometer's meter handler it becomes
 * the timer {@code pusher.auth}, tagged with the {@linkplain LowCardinalityKeyNames
 * low-cardinality keys}; a tracer adds the channel and the reason of the decision to the
 * span.
 *
 * @see DefaultPusherAuthObservationConvention
 */
public enum PusherAuthObservation implements ObservationDocumentation {

	/**
	 * One request to an auth endpoint.
	 */
	AUTH_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultPusherAuthObservationConvention.class;
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
		 * {@code channel_authorization} or {@code user_authentication}.
		 */
		KIND {

			@Override
			public String asString() {
				return "kind";
			}

		},

		/**
		 * The decision: {@code granted}, {@code denied} or {@code rate_limited}; else
		 * {@code invalid} for a malformed request (400, 405, 413) and {@code error} for
		 * an internal failure (500).
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * The pattern of the authorizer that decided, such as
		 * {@code private-class-{classId}}; {@code none} when no authorizer did.
		 */
		PATTERN {

			@Override
			public String asString() {
				return "pattern";
			}

		}

	}

	/**
	 * Keys with unbounded values: in traces only, never tags of a meter.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * The channel asked for, when the request got as far as a decision about it.
		 */
		CHANNEL {

			@Override
			public String asString() {
				return "channel";
			}

		},

		/**
		 * Why the decision was made, in a few words.
		 */
		REASON {

			@Override
			public String asString() {
				return "reason";
			}

		}

	}

}
